package dev.conduit.protocol.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.EraCache;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.client.ServerRequest;
import dev.conduit.protocol.client.ServerRequestHandler;
import dev.conduit.protocol.client.Subscription;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.interceptor.SessionInfo;
import dev.conduit.protocol.internal.CallOptions;
import dev.conduit.protocol.internal.InboundRequest;
import dev.conduit.protocol.internal.InterceptorChain;
import dev.conduit.protocol.internal.Session;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.jsonrpc.internal.Json;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.DiscoverResult;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.schema.InitializeRequestParams;
import dev.conduit.protocol.schema.InitializeResult;
import dev.conduit.protocol.schema.InputRequest;
import dev.conduit.protocol.schema.InputRequiredResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.schema.ProgressNotificationParams;
import dev.conduit.protocol.schema.ServerCapabilities;
import dev.conduit.protocol.schema.SubscriptionFilter;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.protocol.transport.TransportContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's engine: finds the server's era, sends calls through the interceptors, adds what each era needs
 * ({@code _meta} on modern requests, progress tokens), runs modern input rounds, and answers a legacy server's
 * requests.
 */
public final class ClientCore implements Session.Handler {

  private static final Logger log = LoggerFactory.getLogger(ClientCore.class);

  /** The client's fixed configuration. */
  public record Config(
      Implementation info,
      ClientCapabilities capabilities,
      Era era,
      ProtocolVersion legacyVersion,
      Duration requestTimeout,
      @Nullable Duration maxTimeout,
      Duration discoveryTimeout,
      int maxInputRounds,
      List<McpInterceptor> interceptors,
      Executor executor,
      @Nullable ServerRequestHandler serverRequests,
      EraCache eraCache) {}

  /** What the client learnt about the server when it connected. */
  public record Negotiated(
      boolean modern,
      ProtocolVersion version,
      @Nullable Implementation serverInfo,
      ServerCapabilities capabilities,
      @Nullable String instructions) {}

  private final Config config;
  // What every 2026-07-28 request says about the client, as JSON once rather than once per request.
  private final JsonNode capabilitiesMeta;
  private final JsonNode infoMeta;
  private final McpTransport transport;
  private final Session session;
  private final InputResolver inputs;
  private final Notifications notifications;
  private final AtomicLong progressTokens = new AtomicLong();
  private final OutboundCalls calls = new OutboundCalls();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final Map<RequestId, ListenSubscription> listening = new ConcurrentHashMap<>();
  private volatile @Nullable Negotiated negotiated;
  private volatile @Nullable LoggingLevel logLevel;

  public ClientCore(McpTransport transport, Config config, InputResolver inputs, Notifications notifications) {
    this.config = config;
    this.inputs = inputs;
    this.notifications = notifications;
    this.capabilitiesMeta = Json.MAPPER.valueToTree(config.capabilities());
    this.infoMeta = Json.MAPPER.valueToTree(config.info());
    this.transport = transport;
    this.session = new Session(transport, this, config.executor());
  }

  /**
   * Starts the transport and finds out which era the server speaks: the one configured, else the one remembered for
   * this server, else by asking ({@code server/discover}, then {@code initialize}).
   */
  public CompletableFuture<Negotiated> connect() {
    session.start();
    String endpoint = transport.endpoint();
    Era remembered = config.era() == Era.AUTO && endpoint != null ? config.eraCache().get(endpoint) : null;
    CompletableFuture<Negotiated> connected =
        switch (config.era()) {
          case LEGACY -> initialize();
          case MODERN -> discover();
          case AUTO -> remembered != null ? rememberedEra(remembered, endpoint) : probe(endpoint);
        };
    return connected.whenComplete((result, failure) -> {
      if (failure != null) {
        session.close();
      } else {
        negotiated = result;
      }
    });
  }

  /** What was negotiated; throws if the client is not connected yet. */
  public Negotiated negotiated() {
    Negotiated current = negotiated;
    if (current == null) {
      throw new IllegalStateException("Not connected");
    }
    return current;
  }

  /** Sets the lowest level of log messages the client wants. */
  public CompletableFuture<Void> setLogLevel(LoggingLevel level) {
    if (negotiated().modern()) {
      logLevel = level;
      return CompletableFuture.completedFuture(null);
    }
    ObjectNode params = Json.MAPPER.createObjectNode().put("level", level.id());
    return call("logging/setLevel", params, RequestOptions.defaults(), ignored -> (Void) null);
  }

  /**
   * Sends a call through the interceptors and returns the result payload. Cancelling the returned future cancels
   * the requests the call has in flight.
   */
  public CompletableFuture<JsonPayload> call(String method, @Nullable Object params, RequestOptions options) {
    return call(method, params, options, Function.identity());
  }

  /** Sends a call and binds its result; cancelling the returned future cancels the call. */
  public <T> CompletableFuture<T> call(
      String method, @Nullable Object params, RequestOptions options, Class<T> resultType) {
    return call(method, params, options, result -> bind(method, result, resultType));
  }

  /** Sends a call and reads its result with {@code read}; cancelling the returned future cancels the call. */
  public <T> CompletableFuture<T> call(
      String method, @Nullable Object params, RequestOptions options, Function<JsonPayload, T> read) {
    SessionInfo info = sessionInfo();
    McpRequest request =
        McpRequest.outgoing(method, params == null ? null : JsonPayload.of(params), info, options.timeout());
    InFlight inFlight = new InFlight();
    return inFlight.cancellable(
        InterceptorChain.run(config.interceptors(), request, intercepted -> send(intercepted, options, inFlight))
            .thenApply(read));
  }

  /** Sends a notification. */
  public CompletionStage<Void> notify(String method, @Nullable Object params) {
    JsonPayload payload = params == null ? null : JsonPayload.of(params);
    if (negotiated().modern()) {
      payload = withMeta(payload, carriedMeta(payload).with(modernMeta()));
    }
    return session.notify(method, payload, null);
  }

  /** Opens a {@code subscriptions/listen} stream (modern servers only). */
  public Subscription listen(SubscriptionFilter filter) {
    if (!negotiated().modern()) {
      throw new IllegalStateException("subscriptions/listen needs a 2026-07-28 server; use resources/subscribe");
    }
    ListenSubscription subscription = new ListenSubscription(listening);
    ObjectNode params = Json.MAPPER.createObjectNode();
    params.set("notifications", Json.MAPPER.valueToTree(filter));
    CallOptions options = CallOptions.of(null).withIdListener(subscription::opened);
    subscription.track(session.request("subscriptions/listen", withMeta(JsonPayload.of(params), modernMeta()), options));
    return subscription;
  }

  /** Closes the connection; pending calls fail. */
  public void close() {
    session.close();
  }

  public boolean isClosed() {
    return session.isClosed();
  }

  /** Completes when the connection ends: normally for an orderly close, exceptionally with what ended it. */
  public CompletableFuture<Void> closeFuture() {
    return closed;
  }

  @Override
  public void onClose(@Nullable Throwable cause) {
    if (cause == null) {
      closed.complete(null);
    } else {
      closed.completeExceptionally(cause);
    }
  }

  @Override
  public CompletionStage<JsonPayload> onRequest(InboundRequest request) {
    try {
      ServerRequestHandler handler = config.serverRequests();
      if (handler != null && !request.method().equals("ping")) {
        OutboundCalls.Call call = calls.attribute(request.context().relatedRequest());
        return handler.handle(new Asked(request.method(), request.params(), call == null ? null : call.options().tag(),
            request.context()));
      }
      return CompletableFuture.completedFuture(JsonPayload.of(inputs.resolve(request.method(), request.params())));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void onNotification(JsonRpcNotification notification, TransportContext context) {
    if (notification.method().equals("notifications/subscriptions/acknowledged")) {
      acknowledge(notification.params());
      return;
    }
    OutboundCalls.Call call = calls.find(context.relatedRequest());
    Consumer<JsonRpcNotification> own = call == null ? null : call.options().onNotification();
    if (own != null && !notification.method().equals("notifications/progress")) {
      try {
        own.accept(notification);
      } catch (RuntimeException e) {
        log.warn("A call's notification listener failed", e);
      }
      return;
    }
    notifications.dispatch(notification);
  }

  /** A server's request as the {@link ServerRequestHandler} sees it. */
  private record Asked(String method, @Nullable JsonPayload params, @Nullable Object callTag,
      TransportContext transport) implements ServerRequest {}

  private void acknowledge(@Nullable JsonPayload params) {
    if (params == null) {
      return;
    }
    JsonPayload meta = params.member("_meta");
    JsonNode id = meta == null ? null : meta.tree().get(Meta.SUBSCRIPTION_ID);
    if (id == null) {
      return;
    }
    ListenSubscription subscription = listening.get(id.isNumber() ? RequestId.ofNumberText(id.asText()) : RequestId.of(id.asText()));
    JsonPayload filter = params.member("notifications");
    if (subscription != null && filter != null) {
      subscription.acknowledge(filter.as(SubscriptionFilter.class));
    }
  }

  private CompletionStage<JsonPayload> send(McpRequest request, RequestOptions options, InFlight inFlight) {
    Negotiated current = negotiated;
    boolean modern = current != null && current.modern();
    CallOptions call = CallOptions.of(request.timeout() != null ? request.timeout() : config.requestTimeout());
    Meta meta = requestMeta(options, request.params(), modern);
    var listener = options.onProgress();
    if (listener != null) {
      long token = progressTokens.incrementAndGet();
      meta = meta.with(Meta.PROGRESS_TOKEN, token);
      call = call.withProgress(RequestId.of(token),
          progress -> listener.accept(progress.as(ProgressNotificationParams.class)), config.maxTimeout());
    }
    JsonPayload params = withMeta(request.params(), meta);
    OutboundCalls.Call info = new OutboundCalls.Call(options);
    if (modern) {
      // The rounds are chained futures: without this, cancelling the stage would not reach the request on the wire.
      InFlight attempt = inFlight.attempt();
      return attempt.cancellable(rounds(request.method(), params, call, 1, attempt, info));
    }
    CallOptions legacyCall = call;
    return inFlight.track(() -> tracked(request.method(), params, legacyCall, info));
  }

  /** Sends one request of a call, known by its id to the call while it is on the wire. */
  private CompletableFuture<JsonPayload> tracked(
      String method, @Nullable JsonPayload params, CallOptions call, OutboundCalls.Call info) {
    AtomicReference<RequestId> sentAs = new AtomicReference<>();
    CompletableFuture<JsonPayload> request = session.request(method, params, call.withIdListener(id -> {
      sentAs.set(id);
      calls.put(id, info);
    }));
    request.whenComplete((result, failure) -> calls.remove(sentAs.get(), info));
    return request;
  }

  /**
   * The {@code _meta} a request goes out with: the call's own ({@link RequestOptions#meta()}, less a progress token,
   * which only the client can route), or else the one its parameters carry; and on a modern server what that era
   * requires, unless given. A legacy server gets none of the modern entries, which would make a dual-era server take
   * the request for a modern one.
   */
  private Meta requestMeta(RequestOptions options, @Nullable JsonPayload params, boolean modern) {
    Meta given;
    if (!options.meta().isEmpty()) {
      given = options.meta().with(Meta.PROGRESS_TOKEN, null);
    } else {
      given = carriedMeta(params);
    }
    if (!modern) {
      return given.with(Meta.PROTOCOL_VERSION, null).with(Meta.CLIENT_INFO, null)
          .with(Meta.CLIENT_CAPABILITIES, null).with(Meta.LOG_LEVEL, null);
    }
    Meta meta = given.with(Meta.PROTOCOL_VERSION, negotiated().version().id());
    if (options.capabilities() != null) {
      meta = meta.with(Meta.CLIENT_CAPABILITIES, options.capabilities());
    } else if (given.get(Meta.CLIENT_CAPABILITIES) == null) {
      meta = meta.with(Meta.CLIENT_CAPABILITIES, capabilitiesMeta);
    }
    if (given.get(Meta.CLIENT_INFO) == null) {
      meta = meta.with(Meta.CLIENT_INFO, infoMeta);
    }
    LoggingLevel level = logLevel;
    if (given.get(Meta.LOG_LEVEL) == null && level != null) {
      meta = meta.with(Meta.LOG_LEVEL, level.id());
    }
    return meta;
  }

  /**
   * Sends a modern request, answering {@code input_required} results and retrying until the result is final (or
   * handing the first one back, if the call passes them through).
   */
  private CompletableFuture<JsonPayload> rounds(
      String method, @Nullable JsonPayload params, CallOptions call, int round, InFlight inFlight,
      OutboundCalls.Call info) {
    return inFlight.track(() -> tracked(method, params, call, info)).thenCompose(result -> {
      if (!"input_required".equals(result.memberText("resultType")) || info.options().passesThroughInputRequired()) {
        return CompletableFuture.completedFuture(result);
      }
      if (round >= config.maxInputRounds()) {
        return CompletableFuture.failedFuture(new McpException(ErrorCodes.INTERNAL_ERROR,
            "The server still asked for input after " + round + " rounds of " + method));
      }
      InputRequiredResult asked = bind(method, result, InputRequiredResult.class);
      return answers(asked, info).thenCompose(answers ->
          rounds(method, retry(params, answers, asked.requestState()), call, round + 1, inFlight, info));
    });
  }

  /** The answers to a round's input requests: from the {@link ServerRequestHandler} if there is one. */
  private CompletableFuture<ObjectNode> answers(InputRequiredResult asked, OutboundCalls.Call info) {
    ServerRequestHandler handler = config.serverRequests();
    if (handler == null) {
      return CompletableFuture.supplyAsync(() -> answer(asked), config.executor());
    }
    Map<String, InputRequest> requests = asked.inputRequests() == null ? Map.of() : asked.inputRequests();
    Map<String, CompletableFuture<JsonPayload>> pending = new LinkedHashMap<>();
    requests.forEach((key, request) -> {
      JsonNode params = request.params();
      try {
        pending.put(key, handler.handle(new Asked(request.method(), params == null ? null : JsonPayload.of(params),
            info.options().tag(), TransportContext.empty())).toCompletableFuture());
      } catch (RuntimeException e) {
        pending.put(key, CompletableFuture.failedFuture(e));
      }
    });
    return CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
      ObjectNode answers = Json.MAPPER.createObjectNode();
      pending.forEach((key, answer) -> answers.set(key, answer.join().tree()));
      return answers;
    });
  }

  private ObjectNode answer(InputRequiredResult asked) {
    ObjectNode answers = Json.MAPPER.createObjectNode();
    Map<String, InputRequest> requests = asked.inputRequests() == null ? Map.of() : asked.inputRequests();
    requests.forEach((key, request) -> {
      JsonNode params = request.params();
      Object answer = inputs.resolve(request.method(), params == null ? null : JsonPayload.of(params));
      answers.set(key, Json.MAPPER.valueToTree(answer));
    });
    return answers;
  }

  private static JsonPayload retry(@Nullable JsonPayload params, ObjectNode answers, @Nullable String state) {
    JsonPayload base = params == null ? JsonPayload.of(Json.MAPPER.createObjectNode()) : params;
    return base.withMember("inputResponses", answers).withMember("requestState", state);
  }

  private CompletableFuture<Negotiated> initialize() {
    InitializeRequestParams params =
        new InitializeRequestParams(config.legacyVersion().id(), config.capabilities(), config.info(), null, Map.of());
    return session
        .request("initialize", JsonPayload.of(params), CallOptions.of(config.requestTimeout()).notCancellable())
        .thenCompose(payload -> {
          InitializeResult result = bind("initialize", payload, InitializeResult.class);
          ProtocolVersion version = ProtocolVersion.parse(result.protocolVersion()).orElse(null);
          if (version == null || version.isModern()) {
            return CompletableFuture.failedFuture(new McpException(ErrorCodes.INVALID_REQUEST,
                "The server chose protocol version " + result.protocolVersion() + ", which this client does not speak"));
          }
          Negotiated legacy =
              new Negotiated(false, version, result.serverInfo(), result.capabilities(), result.instructions());
          return session.notify("notifications/initialized", null, null).thenApply(sent -> legacy);
        });
  }

  /** Asks the server: {@code server/discover}, and {@code initialize} if that fails; remembers what worked. */
  private CompletableFuture<Negotiated> probe(@Nullable String endpoint) {
    return discover()
        .handle((modern, failure) -> failure == null ? CompletableFuture.completedFuture(modern) : initialize())
        .thenCompose(next -> next)
        .whenComplete((negotiated, failure) -> {
          if (negotiated != null && endpoint != null) {
            config.eraCache().put(endpoint, negotiated.modern() ? Era.MODERN : Era.LEGACY);
          }
        });
  }

  /** Speaks the era this server spoke before; if that fails, forgets it and asks again. */
  private CompletableFuture<Negotiated> rememberedEra(Era era, String endpoint) {
    CompletableFuture<Negotiated> attempt = era == Era.MODERN ? discover() : initialize();
    return attempt.handle((negotiated, failure) -> {
      if (failure == null) {
        return CompletableFuture.completedFuture(negotiated);
      }
      config.eraCache().forget(endpoint);
      return probe(endpoint);
    }).thenCompose(next -> next);
  }

  /**
   * {@code server/discover} with the newest version this client speaks; if the server refuses that version but lists
   * another 2026-07-28-era version this client speaks, once more with that one.
   */
  private CompletableFuture<Negotiated> discover() {
    return discover(ProtocolVersion.latest(), true);
  }

  private CompletableFuture<Negotiated> discover(ProtocolVersion version, boolean mayRetry) {
    JsonPayload params = withMeta(null, discoveryMeta(version));
    return session.request("server/discover", params, CallOptions.of(config.discoveryTimeout()))
        .handle((payload, failure) -> {
          if (failure != null) {
            ProtocolVersion other = mayRetry ? Versions.retryWith(failure) : null;
            return other != null ? discover(other, false) : CompletableFuture.<Negotiated>failedFuture(failure);
          }
          DiscoverResult result = bind("server/discover", payload, DiscoverResult.class);
          ProtocolVersion chosen = result.supportedVersions().contains(version.id()) ? version
              : Versions.newestModern(result.supportedVersions());
          if (chosen == null) {
            return CompletableFuture.<Negotiated>failedFuture(new McpException(
                ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
                "The server supports " + result.supportedVersions() + ", none of which this client speaks"));
          }
          Implementation server = result.meta() == null ? null : result.meta().serverInfo();
          return CompletableFuture.completedFuture(
              new Negotiated(true, chosen, server, result.capabilities(), result.instructions()));
        })
        .thenCompose(next -> next);
  }

  private Meta modernMeta() {
    return requestMeta(RequestOptions.defaults(), null, true);
  }

  private Meta discoveryMeta(ProtocolVersion version) {
    return Meta.empty()
        .with(Meta.PROTOCOL_VERSION, version.id())
        .with(Meta.CLIENT_INFO, config.info())
        .with(Meta.CLIENT_CAPABILITIES, config.capabilities());
  }

  /** The {@code _meta} that {@code params} carry; empty if none. */
  private static Meta carriedMeta(@Nullable JsonPayload params) {
    JsonPayload carried = params == null ? null : params.member("_meta");
    return carried == null || !carried.isObject() ? Meta.empty() : carried.as(Meta.class);
  }

  /**
   * {@code params} with {@code meta} as its {@code _meta} (none if {@code meta} is empty). Raw parameters are spliced:
   * their other members are copied as they are.
   */
  private static @Nullable JsonPayload withMeta(@Nullable JsonPayload params, Meta meta) {
    if (params == null) {
      if (meta.isEmpty()) {
        return null;
      }
      ObjectNode tree = Json.MAPPER.createObjectNode();
      tree.set("_meta", Json.MAPPER.valueToTree(meta));
      return JsonPayload.of(tree);
    }
    if (!params.isObject()) {
      throw McpException.invalidParams("Invalid params: must be a JSON object");
    }
    if (meta.isEmpty()) {
      return params.member("_meta") == null ? params : params.withMember("_meta", null);
    }
    return params.withMember("_meta", meta);
  }

  private SessionInfo sessionInfo() {
    Negotiated current = negotiated;
    if (current == null) {
      return new SessionInfo(config.legacyVersion(), config.info(), config.capabilities(), null, null,
          TransportContext.empty());
    }
    return new SessionInfo(current.version(), config.info(), config.capabilities(), current.serverInfo(),
        current.capabilities(), TransportContext.empty());
  }

  /** Binds a result, failing with an McpException that names the method when it does not fit. */
  public static <T> T bind(String method, JsonPayload payload, Class<T> type) {
    try {
      return payload.as(type);
    } catch (IllegalArgumentException e) {
      throw new McpException(ErrorCodes.INTERNAL_ERROR,
          "The server's result for " + method + " is malformed: " + e.getMessage(), null, e);
    }
  }
}
