package dev.conduit.samples.gateway;

import dev.conduit.observability.McpObservability;
import dev.conduit.observability.health.CompositeHealth;
import dev.conduit.observability.health.Health;
import dev.conduit.observability.health.HealthIndicator;
import dev.conduit.observability.health.ServerHealth;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.transport.bridge.McpBridge;
import dev.conduit.transport.bridge.Upstream;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The gateway assembled from the library: an {@link McpBridge} to the upstream the options name, its server observed
 * (Micrometer metrics, a log line per request), and the HTTP front door if one was asked for.
 */
final class Gateway implements AutoCloseable {

  private final McpBridge bridge;
  private final @Nullable HttpFrontDoor http;

  private Gateway(McpBridge bridge, @Nullable HttpFrontDoor http) {
    this.bridge = bridge;
    this.http = http;
  }

  /**
   * Connects to the upstream and starts the HTTP front door if {@code options} has a port.
   *
   * @throws dev.conduit.protocol.McpException if the upstream cannot be reached
   * @throws IllegalStateException if the HTTP port cannot be bound
   */
  static Gateway start(Options options) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    McpObservability observability = McpObservability.builder(registry).build();
    McpBridge bridge = McpBridge.builder(upstream(options))
        .clientInfo(Implementation.of("conduit-gateway", "0.1.0"))
        .server(observability::instrument)
        .start();
    observability.bindTo(bridge.server());
    if (options.port() == null) {
      return new Gateway(bridge, null);
    }
    HealthIndicator upstream = () -> bridge.isUpstreamConnected()
        ? Health.up(Map.of("upstream", bridge.upstream().name()))
        : Health.down(Map.of("upstream", bridge.upstream().name(), "reason", "not connected"));
    HealthIndicator ready = CompositeHealth.builder()
        .add("mcp", ServerHealth.of(bridge.server()))
        .add("upstream", upstream)
        .build();
    try {
      return new Gateway(bridge, HttpFrontDoor.start(bridge.server(), options, ready, registry));
    } catch (RuntimeException e) {
      bridge.close();
      throw e;
    }
  }

  private static Upstream upstream(Options options) {
    String url = options.upstreamUrl();
    if (url == null) {
      return Upstream.stdio(options.upstreamCommand());
    }
    return options.webSocketUpstream()
        ? Upstream.webSocket(url, options.headers())
        : Upstream.streamableHttp(url, options.headers());
  }

  McpBridge bridge() {
    return bridge;
  }

  @Nullable HttpFrontDoor http() {
    return http;
  }

  @Override
  public void close() throws Exception {
    if (http != null) {
      http.close();
    }
    bridge.close();
  }
}
