package dev.conduit.protocol.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.ProtocolVersion;
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
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.schema.ProgressToken;
import dev.conduit.protocol.server.ListKind;
import dev.conduit.protocol.server.ServerSession;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.protocol.transport.TransportContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection a server serves, in either era. A legacy connection is set up by {@code initialize} and keeps the
 * negotiated version, the client's capabilities, its log level and its resource subscriptions; a modern request
 * carries all of that itself and is served without touching the connection's state.
 */
final class ServerConnection implements ServerSession, Session.Handler {

  private static final Logger log = LoggerFactory.getLogger(ServerConnection.class);

  /** How long a closing server waits for the requests it is serving to be answered. */
  private static final Duration SHUTDOWN_DRAIN = Duration.ofSeconds(2);

  private final ServerState server;
  private final String id;
  private final Session session;
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();
  private final ServerMethods methods;
  private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
  private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
  private final Map<RequestId, Listen> listens = new ConcurrentHashMap<>();
  private volatile @Nullable Legacy legacy;
  private volatile boolean stateless;
  private volatile @Nullable LoggingLevel logLevel;

  /** What {@code initialize} established. */
  record Legacy(ProtocolVersion version, @Nullable Implementation clientInfo, ClientCapabilities capabilities) {}

  ServerConnection(ServerState server, McpTransport transport) {
    this.server = server;
    String transportId = transport.sessionId();
    this.id = transportId != null ? transportId : server.nextConnectionId();
    this.session = new Session(transport, this, server.config().executor());
    this.methods = new ServerMethods(server, this);
  }

  void start() {
    session.start();
  }

  ServerState server() {
    return server;
  }

  @Nullable Legacy legacy() {
    return legacy;
  }

  void initialized(Legacy state) {
    this.legacy = state;
  }

  /** Serves legacy requests as {@code state} says without waiting for {@code initialize} (still answered if sent). */
  void stateless(Legacy state) {
    this.stateless = true;
    this.legacy = state;
  }

  /** Whether this connection was set up by {@code connectStateless}. */
  boolean isStateless() {
    return stateless;
  }

  @Nullable LoggingLevel logLevel() {
    return logLevel;
  }

  void logLevel(LoggingLevel level) {
    this.logLevel = level;
    server.tell(listener -> listener.logLevelChanged(this, level));
  }

  /** The client of this legacy session subscribed to {@code uri}. */
  void subscribe(String uri) {
    if (subscriptions.add(uri)) {
      server.tell(listener -> listener.subscribed(this, uri));
    }
  }

  /** The client of this legacy session unsubscribed from {@code uri}. */
  void unsubscribe(String uri) {
    if (subscriptions.remove(uri)) {
      server.tell(listener -> listener.unsubscribed(this, uri));
    }
  }

  Map<RequestId, Listen> listens() {
    return listens;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Map<String, Object> attributes() {
    return attributes;
  }

  @Override
  public @Nullable ClientCapabilities clientCapabilities() {
    Legacy state = legacy;
    return state == null ? null : state.capabilities();
  }

  @Override
  public void notify(String method, @Nullable Object params) {
    session.notify(method, params == null ? null : JsonPayload.of(params), null);
  }

  @Override
  public void log(LoggingLevel level, @Nullable String logger, Object data) {
    LoggingLevel threshold = logLevel;
    if (legacy == null || threshold != null && !level.isAtLeast(threshold)) {
      return;
    }
    notifyFor(null, "notifications/message", logParams(level, logger != null ? logger : server.info().name(), data));
  }

  /** The params of a {@code notifications/message}. */
  static ObjectNode logParams(LoggingLevel level, String logger, Object data) {
    ObjectNode params = Json.MAPPER.createObjectNode();
    params.put("level", level.id());
    params.put("logger", logger);
    params.set("data", data instanceof JsonPayload payload ? payload.tree() : Json.MAPPER.valueToTree(data));
    return params;
  }

  @Override
  public void notifyListChanged(ListKind kind) {
    listChanged(kind);
  }

  @Override
  public void notifyResourceUpdated(String uri) {
    resourceUpdated(uri);
  }

  @Override
  public CompletionStage<JsonPayload> request(String method, @Nullable Object params) {
    if (legacy == null || stateless) {
      return CompletableFuture.failedFuture(new McpException(ErrorCodes.INTERNAL_ERROR,
          "This connection cannot carry requests to the client: it is not a legacy session"));
    }
    return session.request(method, params == null ? null : JsonPayload.of(params),
        CallOptions.of(server.config().clientRequestTimeout()));
  }

  @Override
  public @Nullable ProtocolVersion protocolVersion() {
    Legacy state = legacy;
    return state == null ? null : state.version();
  }

  @Override
  public @Nullable Implementation clientInfo() {
    Legacy state = legacy;
    return state == null ? null : state.clientInfo();
  }

  @Override
  public boolean notifyElicitationComplete(String elicitationId) {
    Legacy state = legacy;
    if (state == null || !state.version().supports(ProtocolVersion.Feature.ELICITATION_COMPLETE_NOTIFICATION)) {
      return false;
    }
    notifyFor(null, "notifications/elicitation/complete",
        Json.MAPPER.createObjectNode().put("elicitationId", elicitationId));
    return true;
  }

  @Override
  public boolean isClosed() {
    return session.isClosed();
  }

  @Override
  public CompletionStage<Void> closeFuture() {
    return closeFuture;
  }

  @Override
  public void close() {
    session.close();
  }

  /** Ends the listen streams gracefully, then the connection, once requests in progress are answered. */
  void shutDown() {
    listens.values().forEach(Listen::end);
    session.closeGracefully(SHUTDOWN_DRAIN);
  }

  @Override
  public CompletionStage<JsonPayload> onRequest(InboundRequest inbound) {
    RequestScope scope;
    try {
      scope = scope(inbound);
    } catch (McpException e) {
      return CompletableFuture.failedFuture(e);
    }
    SessionInfo info =
        new SessionInfo(
            scope.version(), scope.clientInfo(), scope.clientCapabilities(), server.info(), server.capabilities(),
            inbound.context());
    McpRequest request = McpRequest.incoming(inbound.id(), inbound.method(), inbound.params(), info);
    CompletionStage<JsonPayload> result = InterceptorChain.run(
        server.config().interceptors(), request, intercepted -> methods.dispatch(intercepted, inbound, scope));
    // An interceptor may answer with a result of its own, which must still be a 2026-07-28 result.
    return scope.modern() ? result.thenApply(payload -> methods.inModernForm(inbound.method(), payload)) : result;
  }

  @Override
  public void onNotification(JsonRpcNotification notification, TransportContext context) {
    switch (notification.method()) {
      case "notifications/initialized" -> log.debug("Client finished initialization");
      case "notifications/roots/list_changed" -> server.tell(listener -> listener.rootsListChanged(this));
      case "notifications/progress" -> log.debug("Ignoring {}", notification.method());
      default -> log.debug("Ignoring unknown notification {}", notification.method());
    }
  }

  @Override
  public void onClose(@Nullable Throwable cause) {
    List.copyOf(listens.values()).forEach(Listen::forget);
    List.copyOf(subscriptions).forEach(this::unsubscribe);
    if (cause != null) {
      log.debug("Connection lost", cause);
    }
    server.tell(listener -> listener.closed(this));
    attributes.clear();
    closeFuture.complete(null);
  }

  /** Sends a notification that belongs to an inbound request: params a record, a JSON node, a map or a payload. */
  void notifyFor(@Nullable RequestId request, String method, @Nullable Object params) {
    session.notify(method, params == null ? null : JsonPayload.of(params), request);
  }

  /** Sends a request to the client on behalf of an inbound request. */
  CompletableFuture<JsonPayload> requestFor(RequestId request, String method, @Nullable JsonPayload params) {
    return session.request(method, params, CallOptions.of(server.config().clientRequestTimeout()).relatedTo(request));
  }

  void listChanged(ListKind kind) {
    if (legacy != null) {
      notifyFor(null, kind.notification(), null);
    }
    for (Listen listen : listens.values()) {
      if (listen.wants(kind)) {
        listen.send(kind.notification(), Json.MAPPER.createObjectNode());
      }
    }
  }

  void resourceUpdated(String uri) {
    ObjectNode params = Json.MAPPER.createObjectNode().put("uri", uri);
    if (legacy != null && subscriptions.contains(uri)) {
      notifyFor(null, "notifications/resources/updated", params);
    }
    for (Listen listen : listens.values()) {
      if (listen.wantsResource(uri)) {
        listen.send("notifications/resources/updated", params.deepCopy());
      }
    }
  }

  /** Decides the request's era and revision, and checks what a modern request must carry. */
  private RequestScope scope(InboundRequest inbound) {
    JsonPayload metaPayload = inbound.params() == null ? null : inbound.params().member("_meta");
    Meta meta = metaPayload == null ? Meta.empty() : metaOf(metaPayload);
    String requested = meta.protocolVersion();
    if (requested != null || meta.get(Meta.PROTOCOL_VERSION) != null) {
      return modernScope(meta, requested);
    }
    Legacy state = legacy;
    ProgressToken token = meta.progressToken();
    if (state != null) {
      return new RequestScope(false, state.version(), state.clientInfo(), state.capabilities(), null, token);
    }
    ProtocolVersion legacyVersion = server.config().newestLegacy();
    if (legacyVersion != null && (inbound.method().equals("initialize") || inbound.method().equals("ping"))) {
      return new RequestScope(false, legacyVersion, null, ClientCapabilities.none(), null, token);
    }
    if (legacyVersion == null) {
      ObjectNode data = Json.MAPPER.createObjectNode();
      server.config().supportedIds().forEach(data.putArray("supported")::add);
      throw new McpException(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
          "This server speaks only the 2026-07-28 protocol: put the protocol version in _meta[\""
              + Meta.PROTOCOL_VERSION + "\"] of every request", data);
    }
    throw new McpException(ErrorCodes.INVALID_REQUEST,
        "Invalid Request: the session is not initialized; send initialize first, or put the protocol version in"
            + " _meta[\"" + Meta.PROTOCOL_VERSION + "\"] of every request (2026-07-28)");
  }

  private RequestScope modernScope(Meta meta, @Nullable String requested) {
    ProtocolVersion version = requested == null ? null : ProtocolVersion.parse(requested).orElse(null);
    if (version == null || !version.isModern() || !server.config().versions().contains(version)) {
      ObjectNode data = Json.MAPPER.createObjectNode();
      server.config().supportedIds().forEach(data.putArray("supported")::add);
      data.set("requested", meta.get(Meta.PROTOCOL_VERSION));
      throw new McpException(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
          "Unsupported protocol version: " + meta.get(Meta.PROTOCOL_VERSION), data);
    }
    JsonNode capabilities = meta.get(Meta.CLIENT_CAPABILITIES);
    if (capabilities == null || !capabilities.isObject()) {
      throw McpException.invalidParams(
          "Invalid params: _meta[\"" + Meta.CLIENT_CAPABILITIES + "\"] is required and must be an object");
    }
    ClientCapabilities declared;
    try {
      declared = JsonPayload.of(capabilities).as(ClientCapabilities.class);
    } catch (IllegalArgumentException e) {
      throw McpException.invalidParams("Invalid params: client capabilities: " + e.getMessage());
    }
    String level = meta.get(Meta.LOG_LEVEL) == null ? null : meta.get(Meta.LOG_LEVEL).asText();
    LoggingLevel logLevel = level == null ? null : LoggingLevel.parse(level).orElseThrow(
        () -> McpException.invalidParams("Invalid params: unknown log level '" + level + "'"));
    return new RequestScope(true, version, meta.clientInfo(), declared, logLevel, meta.progressToken());
  }

  private static Meta metaOf(JsonPayload payload) {
    try {
      return payload.as(Meta.class);
    } catch (IllegalArgumentException e) {
      throw McpException.invalidParams("Invalid params: _meta must be an object");
    }
  }

  /** A modern {@code subscriptions/listen} stream on this connection. */
  final class Listen {
    private final RequestId id;
    private final Set<ListKind> kinds;
    private final Set<String> resources;
    private final CompletableFuture<JsonPayload> result;
    private final JsonPayload closing;

    Listen(RequestId id, Set<ListKind> kinds, Set<String> resources, CompletableFuture<JsonPayload> result,
        JsonPayload closing) {
      this.id = id;
      this.kinds = kinds;
      this.resources = resources;
      this.result = result;
      this.closing = closing;
    }

    /** Starts delivering to this stream. */
    void open() {
      listens.put(id, this);
      resources.forEach(uri -> server.tell(listener -> listener.subscribed(ServerConnection.this, uri)));
    }

    /** Stops delivering to this stream, without answering it. */
    void forget() {
      if (listens.remove(id, this)) {
        resources.forEach(uri -> server.tell(listener -> listener.unsubscribed(ServerConnection.this, uri)));
      }
    }

    boolean wants(ListKind kind) {
      return kinds.contains(kind);
    }

    boolean wantsResource(String uri) {
      return resources.contains(uri);
    }

    void send(String method, ObjectNode params) {
      params.putObject("_meta").set(Meta.SUBSCRIPTION_ID, Json.MAPPER.valueToTree(id));
      notifyFor(id, method, params);
    }

    void end() {
      forget();
      result.complete(closing);
    }
  }
}
