package dev.conduit.protocol.server.internal;

import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.schema.CacheScope;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.schema.ServerCapabilities;
import dev.conduit.protocol.server.ListKind;
import dev.conduit.protocol.server.RequestHandler;
import dev.conduit.protocol.server.ServerSession;
import dev.conduit.protocol.server.SessionListener;
import dev.conduit.protocol.transport.McpTransport;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything an {@code McpServer} shares across its connections. */
public final class ServerState {

  private static final Logger log = LoggerFactory.getLogger(ServerState.class);

  /** The server's fixed configuration. */
  public record Config(
      Implementation info,
      @Nullable String instructions,
      List<McpInterceptor> interceptors,
      @Nullable ServerCapabilities capabilities,
      Executor executor,
      int pageSize,
      Duration clientRequestTimeout,
      byte[] requestStateKey,
      Duration requestStateTtl,
      long cacheTtlMillis,
      CacheScope cacheScope,
      boolean validateToolInput,
      Set<ProtocolVersion> versions,
      Map<String, RequestHandler> handlers,
      @Nullable RequestHandler fallback,
      List<SessionListener> listeners) {

    /** The methods the engine serves itself, whatever handlers are registered. */
    public static final Set<String> ENGINE_METHODS = Set.of("initialize", "logging/setLevel",
        "server/discover", "subscriptions/listen", "resources/subscribe", "resources/unsubscribe");

    /** The methods the engine serves from the registry unless a handler is registered for them. */
    static final Set<String> FEATURE_METHODS = Set.of("tools/list", "tools/call", "resources/list",
        "resources/templates/list", "resources/read", "prompts/list", "prompts/get", "completion/complete");

    /**
     * The raw handler that serves {@code method}, or {@code null} if the engine or the registry does. A 2026-07-28
     * request has no {@code ping}: the engine answers it as an unknown method, handler or not.
     */
    @Nullable RequestHandler handlerFor(String method, boolean modern) {
      if (modern && method.equals("ping")) {
        return null;
      }
      RequestHandler handler = handlers.get(method);
      if (handler != null || fallback == null || ENGINE_METHODS.contains(method)
          || FEATURE_METHODS.contains(method) || method.equals("ping")) {
        return handler;
      }
      return fallback;
    }

    /** The newest supported legacy version, or {@code null} if the server speaks only the modern era. */
    public @Nullable ProtocolVersion newestLegacy() {
      return versions.stream().filter(v -> !v.isModern()).max(Comparator.naturalOrder()).orElse(null);
    }

    /** The supported versions, newest first, as they appear in errors and discovery. */
    public List<String> versionIds(boolean modernOnly) {
      return versions.stream()
          .filter(v -> !modernOnly || v.isModern())
          .sorted(Comparator.reverseOrder())
          .map(ProtocolVersion::id)
          .toList();
    }

    /**
     * What an {@code UnsupportedProtocolVersionError} lists: the versions a request may name in its {@code _meta},
     * the same list {@code server/discover} gives (a client retries with one of them); a server without a modern
     * version lists its legacy ones, which a client reaches through {@code initialize}.
     */
    public List<String> supportedIds() {
      List<String> modern = versionIds(true);
      return modern.isEmpty() ? versionIds(false) : modern;
    }
  }

  private final Config config;
  private final Registry registry;
  private final RequestStates requestStates;
  private final HeldRounds heldRounds;
  private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicLong connectionIds = new AtomicLong();
  private volatile boolean closed;

  public ServerState(Config config, Registry registry) {
    this.config = config;
    this.registry = registry;
    this.requestStates = new RequestStates(config.requestStateKey(), config.requestStateTtl());
    this.heldRounds = new HeldRounds(config.clientRequestTimeout(), config.executor());
  }

  public Config config() {
    return config;
  }

  public Implementation info() {
    return config.info();
  }

  public Registry registry() {
    return registry;
  }

  RequestStates requestStates() {
    return requestStates;
  }

  HeldRounds heldRounds() {
    return heldRounds;
  }

  /** A new connection id, for a transport that has none of its own. */
  String nextConnectionId() {
    return "connection-" + connectionIds.incrementAndGet();
  }

  /** Tells every listener something, logging (and otherwise ignoring) a listener that throws. */
  void tell(Consumer<SessionListener> event) {
    for (SessionListener listener : config.listeners()) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        log.warn("A session listener failed", e);
      }
    }
  }

  /** The declared capabilities: as configured, or derived from what is registered. */
  public ServerCapabilities capabilities() {
    if (config.capabilities() != null) {
      return config.capabilities();
    }
    Registry.Snapshot features = registry.snapshot();
    ServerCapabilities.Builder builder = ServerCapabilities.builder().logging();
    if (!features.tools().isEmpty() || handled("tools/list", "tools/call")) {
      builder.tools(true);
    }
    if (features.hasResources() || handled("resources/list", "resources/templates/list", "resources/read")) {
      builder.resources(true, true);
    }
    if (!features.prompts().isEmpty() || handled("prompts/list", "prompts/get")) {
      builder.prompts(true);
    }
    if (features.hasCompletions() || handled("completion/complete")) {
      builder.completions();
    }
    return builder.build();
  }

  private boolean handled(String... methods) {
    for (String method : methods) {
      if (config.handlers().containsKey(method)) {
        return true;
      }
    }
    return false;
  }

  public ServerSession connect(McpTransport transport) {
    ServerConnection connection = register(new ServerConnection(this, transport));
    connection.start();
    return connection;
  }

  public ServerSession connectStateless(McpTransport transport, ProtocolVersion version) {
    if (version.isModern() || !config.versions().contains(version)) {
      throw new IllegalArgumentException("Not a legacy version this server speaks: " + version);
    }
    ServerConnection connection = register(new ServerConnection(this, transport));
    connection.stateless(new ServerConnection.Legacy(version, null, ClientCapabilities.none()));
    connection.start();
    return connection;
  }

  private ServerConnection register(ServerConnection connection) {
    if (closed) {
      throw new IllegalStateException("Server is closed");
    }
    connections.add(connection);
    connection.closeFuture().whenComplete((done, error) -> connections.remove(connection));
    tell(listener -> listener.opened(connection));
    return connection;
  }

  public List<ServerSession> sessions() {
    return List.copyOf(connections);
  }

  /** Applies a batch of changes to the registry, then tells every connection once about each list that changed. */
  public void update(Consumer<Registry.Editor> changes) {
    registry.update(changes).forEach(this::listChanged);
  }

  public void listChanged(ListKind kind) {
    each(c -> c.listChanged(kind));
  }

  public void resourceUpdated(String uri) {
    each(c -> c.resourceUpdated(uri));
  }

  public boolean isClosed() {
    return closed;
  }

  public void close() {
    closed = true;
    each(ServerConnection::shutDown);
  }

  private void each(Consumer<ServerConnection> action) {
    for (ServerConnection connection : connections) {
      action.accept(connection);
    }
  }
}
