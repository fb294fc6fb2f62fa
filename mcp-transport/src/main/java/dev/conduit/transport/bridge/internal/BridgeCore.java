package dev.conduit.transport.bridge.internal;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpAsyncClient;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.client.ServerRequest;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.schema.InputRequest;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.LoggingMessageNotificationParams;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.server.ListKind;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.RequestContext;
import dev.conduit.protocol.server.RequestHandler;
import dev.conduit.protocol.server.ServerSession;
import dev.conduit.protocol.server.SessionListener;
import dev.conduit.transport.bridge.Upstream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's engine: it serves every forwarded method ({@link RequestHandler}), follows the downstream sessions
 * ({@link SessionListener}), and hands what the upstream sends back to the downstream request or sessions it belongs
 * to. Eras are translated by the engine on each side: a 2026-07-28 client's call stays open upstream across its input
 * rounds ({@link RequestContext#requestInputAsync}), and a legacy client gets real requests for what a 2026-07-28
 * upstream asks in {@code input_required} results.
 */
public final class BridgeCore implements RequestHandler, SessionListener {

  private static final Logger log = LoggerFactory.getLogger(BridgeCore.class);
  private static final String LINK = BridgeCore.class.getName() + ".link";
  private static final String LEVEL = BridgeCore.class.getName() + ".level";
  private static final JsonPayload EMPTY = JsonPayload.ofJson("{}");

  /** Everything a shared connection may be asked to pass on: it declares the lot, and answers what a client lacks. */
  private static final ClientCapabilities RELAYED = ClientCapabilities.builder()
      .elicitation(true, true).sampling(false, true).roots(true).build();

  /**
   * @param clientInfo the client a shared connection presents upstream
   * @param requestTimeout how long a forwarded call may wait for the upstream (progress extends it)
   * @param connectTimeout how long a call waits for a connection to the upstream
   */
  public record Settings(Implementation clientInfo, Duration requestTimeout, Duration connectTimeout) {}

  private final Upstream upstream;
  private final Settings settings;
  private final Link shared;
  private volatile Era era = Era.AUTO;
  private volatile @Nullable McpServer server;

  public BridgeCore(Upstream upstream, Settings settings) {
    this.upstream = upstream;
    this.settings = settings;
    this.shared = new Link(this, null);
  }

  /** Connects the shared connection, which tells what the upstream is. */
  public CompletableFuture<McpAsyncClient> start() {
    return shared.client();
  }

  /** The server the bridge serves downstream; its notifications go there. */
  public void serve(McpServer server) {
    this.server = server;
  }

  /** Whether the shared upstream connection is up. */
  public boolean isConnected() {
    return shared.isConnected();
  }

  public void close() {
    shared.close();
  }

  String upstreamName() {
    return upstream.name();
  }

  @Nullable Duration restarts() {
    return upstream.restartBackoff();
  }

  /** Opens a connection for {@code link}, in the era the upstream answered in before. */
  CompletableFuture<McpAsyncClient> connect(Link link) {
    ServerSession owner = link.owner();
    Implementation info = owner != null && owner.clientInfo() != null ? owner.clientInfo() : settings.clientInfo();
    ClientCapabilities capabilities = owner != null && owner.clientCapabilities() != null
        ? owner.clientCapabilities() : RELAYED;
    Era remembered = era;
    CompletableFuture<McpAsyncClient> connected;
    try {
      connected = McpClient.builder()
          .transport(upstream.connect())
          .era(remembered)
          .info(info)
          .capabilities(capabilities)
          .requestTimeout(settings.requestTimeout())
          .serverRequestHandler(request -> answer(link, request))
          .onNotification(notification -> relay(link, notification))
          .connectAsync();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return connected.whenComplete((client, failure) -> {
      if (failure == null) {
        era = client.isModern() ? Era.MODERN : Era.LEGACY;
      } else {
        era = Era.AUTO; // the upstream may have changed: ask it again next time
      }
    });
  }

  @Override
  public CompletionStage<JsonPayload> handle(JsonPayload params, RequestContext context) {
    Link link = linkFor(context.session(), context.protocolVersion().isModern());
    CompletableFuture<McpAsyncClient> connecting =
        link.client().copy().orTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    CompletableFuture<JsonPayload> result = new CompletableFuture<>();
    context.onCancel(() -> connecting.cancel(true));
    connecting.whenComplete((client, failure) -> {
      if (failure != null) {
        result.completeExceptionally(new McpConnectionClosedException(
            "No connection to upstream " + upstream.name(), unwrap(failure)));
        return;
      }
      CompletableFuture<JsonPayload> call = context.method().equals("ping")
          // A ping checks the whole way; a 2026-07-28 upstream has none, and is asked for server/discover instead.
          ? client.ping().thenApply(done -> EMPTY)
          : client.request(context.method(), params, options(context, client));
      context.onCancel(() -> call.cancel(true));
      call.whenComplete((value, error) -> {
        if (error != null) {
          result.completeExceptionally(unwrap(error));
        } else {
          result.complete(value);
        }
      });
    });
    return result;
  }

  /** How a downstream request goes upstream: its {@code _meta}, capabilities, progress and notifications with it. */
  private RequestOptions options(RequestContext context, McpAsyncClient client) {
    Meta meta = context.meta();
    Object level = context.session().attributes().get(LEVEL);
    if (level instanceof LoggingLevel wanted && client.isModern() && meta.get(Meta.LOG_LEVEL) == null) {
      meta = meta.with(Meta.LOG_LEVEL, wanted.id());
    }
    RequestOptions options = RequestOptions.defaults()
        .withMeta(meta)
        .withTag(context)
        .withCapabilities(context.clientCapabilities())
        .withNotifications(notification -> relay(context, notification))
        // Between two 2026-07-28 peers the client answers the upstream's questions itself, and retries with them.
        .withInputRequiredPassedThrough(context.protocolVersion().isModern() && client.isModern());
    if (context.progressToken() != null) {
      options = options.withProgress(progress ->
          context.progress(progress.progress(), progress.total(), progress.message()));
    }
    return options;
  }

  /** A notification the upstream sent about one forwarded request: it goes with that request downstream. */
  private static void relay(RequestContext context, JsonRpcNotification notification) {
    if (notification.method().equals("notifications/message") && notification.params() != null) {
      try {
        LoggingMessageNotificationParams message = notification.params().as(LoggingMessageNotificationParams.class);
        context.log(message.level(), message.logger(), message.data());
        return;
      } catch (IllegalArgumentException e) {
        log.debug("Passing on a malformed log message as it is: {}", e.getMessage());
      }
    }
    context.notify(notification.method(), notification.params());
  }

  /** A request the upstream makes of the client: the downstream client of the call it belongs to answers it. */
  private CompletionStage<JsonPayload> answer(Link link, ServerRequest request) {
    JsonPayload params = request.params();
    if (request.callTag() instanceof RequestContext context) {
      return context.requestInputAsync(
          new InputRequest(request.method(), params == null ? null : params.tree(), Map.of()));
    }
    ServerSession only = link.owner();
    if (only == null && link.paired().size() == 1) {
      only = link.paired().iterator().next();
    }
    if (only != null) {
      return only.request(request.method(), params);
    }
    return CompletableFuture.failedFuture(new McpException(ErrorCodes.INTERNAL_ERROR,
        "The bridge cannot tell which of its clients " + request.method() + " is for"));
  }

  /** A notification the upstream sent about no particular request: every session the connection serves gets it. */
  private void relay(Link link, JsonRpcNotification notification) {
    JsonPayload params = notification.params();
    switch (notification.method()) {
      case "notifications/tools/list_changed" -> toSessions(link, s -> s.notifyListChanged(ListKind.TOOLS));
      case "notifications/resources/list_changed" -> toSessions(link, s -> s.notifyListChanged(ListKind.RESOURCES));
      case "notifications/prompts/list_changed" -> toSessions(link, s -> s.notifyListChanged(ListKind.PROMPTS));
      case "notifications/resources/updated" -> {
        String uri = params == null ? null : params.memberText("uri");
        if (uri != null) {
          toSessions(link, s -> s.notifyResourceUpdated(uri));
        }
      }
      case "notifications/message" -> {
        try {
          LoggingMessageNotificationParams message = params == null ? null
              : params.as(LoggingMessageNotificationParams.class);
          if (message != null) {
            toSessions(link, s -> s.log(message.level(), message.logger(), message.data()));
          }
        } catch (IllegalArgumentException e) {
          log.debug("Dropping a malformed log message from upstream {}: {}", upstream.name(), e.getMessage());
        }
      }
      case "notifications/progress", "notifications/subscriptions/acknowledged" ->
          log.debug("Dropping {} that belongs to no call", notification.method());
      default -> toSessions(link, s -> s.notify(notification.method(), params));
    }
  }

  /**
   * Does {@code action} for every downstream session {@code link} serves: those paired with it, and, for the shared
   * link, every 2026-07-28 connection (whose listen streams take what they asked for).
   */
  void toSessions(Link link, Consumer<ServerSession> action) {
    for (ServerSession session : link.paired()) {
      run(action, session);
    }
    McpServer current = server;
    if (link == shared && current != null) {
      for (ServerSession session : current.sessions()) {
        if (session.protocolVersion() == null) {
          run(action, session);
        }
      }
    }
  }

  private static void run(Consumer<ServerSession> action, ServerSession session) {
    try {
      action.accept(session);
    } catch (RuntimeException e) {
      log.debug("Could not pass a notification on to session {}", session.id(), e);
    }
  }

  /**
   * The connection that serves a downstream session: its own, for an initialized legacy session when the upstream
   * keeps state per session and can take many connections; the shared one otherwise.
   */
  private Link linkFor(ServerSession session, boolean modernRequest) {
    boolean ownConnection = !modernRequest && !upstream.isShared() && era != Era.MODERN
        && session.protocolVersion() != null && session.clientInfo() != null;
    if (!ownConnection) {
      if (session.protocolVersion() != null) {
        shared.pair(session);
      }
      return shared;
    }
    return (Link) session.attributes().computeIfAbsent(LINK, key -> {
      Link own = new Link(this, session);
      own.pair(session);
      return own;
    });
  }

  private @Nullable Link existingLinkFor(ServerSession session) {
    Object own = session.attributes().get(LINK);
    if (own instanceof Link link) {
      return link;
    }
    return shared.paired().contains(session) || session.protocolVersion() == null ? shared : null;
  }

  @Override
  public void closed(ServerSession session) {
    Object own = session.attributes().get(LINK);
    if (own instanceof Link link) {
      link.close();
    }
    shared.unpair(session);
  }

  @Override
  public void subscribed(ServerSession session, String uri) {
    linkFor(session, session.protocolVersion() == null).follow(uri);
  }

  @Override
  public void unsubscribed(ServerSession session, String uri) {
    Link link = existingLinkFor(session);
    if (link != null) {
      link.unfollow(uri);
    }
  }

  @Override
  public void logLevelChanged(ServerSession session, LoggingLevel level) {
    session.attributes().put(LEVEL, level);
    linkFor(session, false).logLevel(level);
  }

  @Override
  public void rootsListChanged(ServerSession session) {
    Link link = existingLinkFor(session);
    if (link != null) {
      link.client().thenAccept(client -> {
        if (!client.isModern()) {
          client.notify("notifications/roots/list_changed", null);
        }
      });
    }
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }
}
