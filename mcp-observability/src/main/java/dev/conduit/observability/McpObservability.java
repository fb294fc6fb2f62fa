package dev.conduit.observability;

import dev.conduit.observability.logging.McpLoggingInterceptor;
import dev.conduit.observability.metrics.McpMetricsInterceptor;
import dev.conduit.observability.metrics.McpNotificationMetrics;
import dev.conduit.observability.metrics.McpSessionMetrics;
import dev.conduit.observability.tracing.McpObservationInterceptor;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.server.McpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Metrics, tracing and structured logging for servers and clients in one line each:
 *
 * <pre>{@code
 * McpObservability observability = McpObservability.builder(meterRegistry)
 *     .observationRegistry(observationRegistry)     // optional: spans through a tracer bridge
 *     .build();
 * McpServer server = observability.instrument(McpServer.builder().info("weather", "1.0.0")...).build();
 * observability.bindTo(server);                      // the active-sessions gauge
 * McpClient client = observability.instrument(McpClient.builder().transport(transport)).connect();
 * }</pre>
 *
 * <p>The interceptors run in this order: tracing (so that the others run inside the span), logging, metrics. The
 * same instance may instrument any number of servers and clients; each side has meters of its own.
 */
public final class McpObservability {

  private final MeterRegistry meterRegistry;
  private final List<McpInterceptor> interceptors;

  private McpObservability(Builder builder) {
    this.meterRegistry = builder.meterRegistry;
    List<McpInterceptor> chain = new ArrayList<>(3);
    if (!builder.observationRegistry.isNoop()) {
      chain.add(new McpObservationInterceptor(builder.observationRegistry));
    }
    if (builder.logging != null) {
      chain.add(builder.logging);
    }
    chain.add(McpMetricsInterceptor.builder(meterRegistry).maxTargets(builder.maxTargets).build());
    this.interceptors = List.copyOf(chain);
  }

  /** Starts configuring observability that records metrics into {@code meterRegistry}. */
  public static Builder builder(MeterRegistry meterRegistry) {
    return new Builder(meterRegistry);
  }

  /** The interceptors, in the order they should be added, for wiring by hand. */
  public List<McpInterceptor> interceptors() {
    return interceptors;
  }

  /** Adds the interceptors to {@code builder}; returns it. */
  public McpServer.Builder instrument(McpServer.Builder builder) {
    interceptors.forEach(builder::interceptor);
    return builder;
  }

  /** Adds the interceptors and the notification counters to {@code builder}; returns it. */
  public McpClient.Builder instrument(McpClient.Builder builder) {
    interceptors.forEach(builder::interceptor);
    return McpNotificationMetrics.bindTo(builder, meterRegistry);
  }

  /** Registers the active-sessions gauge of {@code server}; returns it. */
  public McpServer bindTo(McpServer server) {
    new McpSessionMetrics(server).bindTo(meterRegistry);
    return server;
  }

  /** Configures {@link McpObservability}. */
  public static final class Builder {
    private final MeterRegistry meterRegistry;
    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
    private @Nullable McpLoggingInterceptor logging = McpLoggingInterceptor.create();
    private int maxTargets = 100;

    private Builder(MeterRegistry meterRegistry) {
      this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
    }

    /** Observes requests into {@code registry} (default: none, so no tracing interceptor). */
    public Builder observationRegistry(ObservationRegistry registry) {
      this.observationRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Logs requests with {@code interceptor} (default {@link McpLoggingInterceptor#create()}). */
    public Builder logging(McpLoggingInterceptor interceptor) {
      this.logging = Objects.requireNonNull(interceptor, "interceptor");
      return this;
    }

    /** Logs no request events. */
    public Builder withoutLogging() {
      this.logging = null;
      return this;
    }

    /** How many names per kind may become {@code target} tag values; see {@link McpMetricsInterceptor.Builder}. */
    public Builder maxTargets(int maxTargets) {
      this.maxTargets = maxTargets;
      return this;
    }

    /** Builds the bundle. */
    public McpObservability build() {
      return new McpObservability(this);
    }
  }
}
