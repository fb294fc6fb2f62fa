package dev.conduit.observability.health;

import dev.conduit.protocol.server.McpServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The health of an {@link McpServer}: up with its name, version and session count; degraded once the sessions reach
 * a limit, if one is set.
 */
public final class ServerHealth implements HealthIndicator {

  private final McpServer server;
  private final int degradedAtSessions;

  private ServerHealth(McpServer server, int degradedAtSessions) {
    this.server = Objects.requireNonNull(server, "server");
    this.degradedAtSessions = degradedAtSessions;
  }

  /** The health of {@code server}, which never degrades. */
  public static ServerHealth of(McpServer server) {
    return new ServerHealth(server, Integer.MAX_VALUE);
  }

  /** The health of {@code server}, degraded while it serves {@code sessions} connections or more. */
  public static ServerHealth degradedAt(McpServer server, int sessions) {
    if (sessions < 1) {
      throw new IllegalArgumentException("sessions must be positive: " + sessions);
    }
    return new ServerHealth(server, sessions);
  }

  @Override
  public Health check() {
    int sessions = server.sessions().size();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("name", server.info().name());
    details.put("version", server.info().version());
    details.put("sessions", sessions);
    if (sessions >= degradedAtSessions) {
      details.put("reason", "at or above " + degradedAtSessions + " sessions");
      return Health.degraded(details);
    }
    return Health.up(details);
  }
}
