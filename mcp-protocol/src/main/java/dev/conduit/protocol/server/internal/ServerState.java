package dev.conduit.protocol.server.internal;

import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.schema.CacheScope;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.schema.ServerCapabilities;
import dev.conduit.protocol.server.ServerSession;
import dev.conduit.protocol.transport.McpTransport;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Everything an {@code McpServer} shares across its connections. */
public final class ServerState {

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
      Set<ProtocolVersion> versions) {

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
  }

  private final Config config;
  private final Registry registry;
  private final RequestStates requestStates;
  private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public ServerState(Config config, Registry registry) {
    this.config = config;
    this.registry = registry;
    this.requestStates = new RequestStates(config.requestStateKey(), config.requestStateTtl());
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

  /** The declared capabilities: as configured, or derived from what is registered. */
  public ServerCapabilities capabilities() {
    if (config.capabilities() != null) {
      return config.capabilities();
    }
    ServerCapabilities.Builder builder = ServerCapabilities.builder().logging();
    if (registry.hasTools()) {
      builder.tools(true);
    }
    if (registry.hasResources()) {
      builder.resources(true, true);
    }
    if (registry.hasPrompts()) {
      builder.prompts(true);
    }
    if (registry.hasCompletions()) {
      builder.completions();
    }
    return builder.build();
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
    return connection;
  }

  public List<ServerSession> sessions() {
    return List.copyOf(connections);
  }

  public void toolsChanged() {
    each(c -> c.listChanged(ListKind.TOOLS));
  }

  public void resourcesChanged() {
    each(c -> c.listChanged(ListKind.RESOURCES));
  }

  public void promptsChanged() {
    each(c -> c.listChanged(ListKind.PROMPTS));
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
