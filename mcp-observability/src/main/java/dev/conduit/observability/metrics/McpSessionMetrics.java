package dev.conduit.observability.metrics;

import dev.conduit.protocol.server.McpServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * The gauge {@code mcp.server.sessions.active}: how many connections an {@link McpServer} serves. A server's
 * interceptors are built before the server, so this binds to the built server instead:
 *
 * <pre>{@code
 * new McpSessionMetrics(server).bindTo(meterRegistry);
 * }</pre>
 *
 * <p>On a stateless HTTP server, where each request is a connection of its own, the gauge counts requests being
 * served rather than sessions. The gauge is tagged with the server's name; a registry keeps the first gauge of a
 * name and tags, so servers bound to one registry need distinct names.
 */
public final class McpSessionMetrics implements MeterBinder {

  private final McpServer server;

  /** Metrics of {@code server}'s sessions. */
  public McpSessionMetrics(McpServer server) {
    this.server = Objects.requireNonNull(server, "server");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    // A strong reference: a weakly held server would turn the gauge into NaN while the server still serves.
    Gauge.builder("mcp.server.sessions.active", server, s -> s.sessions().size())
        .description("Connections the server is serving")
        .tag("server", server.info().name())
        .strongReference(true)
        .register(registry);
  }
}
