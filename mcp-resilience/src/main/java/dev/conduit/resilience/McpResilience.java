package dev.conduit.resilience;

/**
 * Where resilience starts: ready-made bundles of interceptors for clients and servers.
 *
 * <pre>{@code
 * McpClient client = McpResilience.defaults().applyTo(McpClient.builder().transport(transport)).connect();
 * McpServer server = McpResilience.serverDefaults().applyTo(McpServer.builder().info("awx", "1.0")).build();
 * }</pre>
 *
 * @see ClientResilience
 * @see ServerResilience
 */
public final class McpResilience {

  private McpResilience() {}

  /** A client's interceptors with the default settings, for one upstream. */
  public static ClientResilience defaults() {
    return client().build();
  }

  /** Configures a client's interceptors. */
  public static ClientResilience.Builder client() {
    return ClientResilience.builder();
  }

  /** A server's interceptors with the default settings (rate limit per session, a bulkhead). */
  public static ServerResilience serverDefaults() {
    return server().build();
  }

  /** Configures a server's interceptors. */
  public static ServerResilience.Builder server() {
    return ServerResilience.builder();
  }
}
