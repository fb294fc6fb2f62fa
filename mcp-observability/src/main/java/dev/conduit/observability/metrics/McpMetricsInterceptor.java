package dev.conduit.observability.metrics;

import dev.conduit.observability.internal.ActiveRequests;
import dev.conduit.observability.internal.Methods;
import dev.conduit.observability.internal.RequestOutcome;
import dev.conduit.observability.internal.Targets;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Times every request a server receives or a client sends, counts the failures, and tracks the requests and tool
 * calls in flight. Add it to {@code McpServer.builder()} or {@code McpClient.builder()} (or both: the request says
 * which side it is on, and each side has meters of its own):
 *
 * <pre>{@code
 * McpServer server = McpServer.builder()
 *     .interceptor(McpMetricsInterceptor.builder(meterRegistry).build())
 *     ...
 * }</pre>
 *
 * <p>Meters, all prefixed {@code mcp.server.} or {@code mcp.client.}: {@code requests} (timer), {@code errors}
 * (counter), {@code requests.active} (gauge), {@code tool.calls.active} (long-task timer). Tags: {@code method}
 * ({@code other} for a method MCP does not define), {@code target} (tool, prompt or resource, of bounded
 * cardinality; see the module README), {@code outcome} ({@code success}, {@code tool_error}, {@code
 * input_required}, {@code error}, {@code cancelled}), {@code error.code} (the JSON-RPC code, or {@code none}) and
 * {@code protocol.version}.
 */
public final class McpMetricsInterceptor implements McpInterceptor {

  private final MeterRegistry registry;
  private final int maxTargets;
  private final Map<McpRequest.Side, SideMeters> sides = new ConcurrentHashMap<>();

  private McpMetricsInterceptor(Builder builder) {
    this.registry = builder.registry;
    this.maxTargets = builder.maxTargets;
  }

  /** Starts configuring an interceptor that records into {@code registry}. */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  @Override
  public CompletionStage<JsonPayload> intercept(Chain chain) {
    McpRequest request = chain.request();
    SideMeters meters = sides.computeIfAbsent(request.side(), SideMeters::new);
    meters.active.incrementAndGet();
    Targets targets = meters.targets;
    // Read once: on a raw request it is a small parse, which a round trip in memory would notice three times over.
    String name = Targets.nameOf(request);
    LongTaskTimer.Sample toolCall = request.method().equals("tools/call")
        ? meters.toolCalls(targets.tag(request.method(), name)).start()
        : null;
    long start = registry.config().clock().monotonicTime();
    return chain.proceed(request).whenComplete((result, failure) -> {
      long elapsed = registry.config().clock().monotonicTime() - start;
      meters.active.decrementAndGet();
      if (toolCall != null) {
        toolCall.stop();
      }
      RequestOutcome outcome = RequestOutcome.of(request, result, failure);
      targets.learn(request, name, result, outcome);
      Key key = new Key(Methods.bounded(request.method()), targets.tag(request.method(), name), outcome.outcome(),
          outcome.errorCodeTag(), request.session().protocolVersion().id());
      meters.timer(key).record(elapsed, TimeUnit.NANOSECONDS);
      if (outcome.failed()) {
        meters.errors(key).increment();
      }
    });
  }

  /** The tags of one series. */
  private record Key(String method, String target, String outcome, String errorCode, String protocolVersion) {
    Tags tags() {
      return Tags.of("method", method, "target", target, "outcome", outcome, "error.code", errorCode,
          "protocol.version", protocolVersion);
    }
  }

  /**
   * The meters of one side. Meters are cached by their tags: a registry lookup builds and sorts tags on every call,
   * which a round trip in memory would notice.
   */
  private final class SideMeters {
    final String prefix;
    // Each side learns its own names: what a client's server answered says nothing of what this server registered.
    final Targets targets = new Targets(maxTargets);
    final AtomicInteger active;
    final Map<Key, Timer> timers = new ConcurrentHashMap<>();
    final Map<Key, Counter> errors = new ConcurrentHashMap<>();
    final Map<String, LongTaskTimer> toolCalls = new ConcurrentHashMap<>();

    SideMeters(McpRequest.Side side) {
      this.prefix = "mcp." + side.name().toLowerCase(Locale.ROOT) + ".";
      this.active = ActiveRequests.of(registry, side);
    }

    Timer timer(Key key) {
      return timers.computeIfAbsent(key, k -> Timer.builder(prefix + "requests")
          .description("Requests, from when they reach the interceptor until their result or error")
          .tags(k.tags())
          .register(registry));
    }

    Counter errors(Key key) {
      return errors.computeIfAbsent(key, k -> Counter.builder(prefix + "errors")
          .description("Requests that ended in a JSON-RPC error or a tool error")
          .tags(k.tags())
          .register(registry));
    }

    LongTaskTimer toolCalls(String tool) {
      return toolCalls.computeIfAbsent(tool, t -> LongTaskTimer.builder(prefix + "tool.calls.active")
          .description("Tool calls running")
          .tag("target", t)
          .register(registry));
    }
  }

  /** Configures a {@link McpMetricsInterceptor}. */
  public static final class Builder {
    private final MeterRegistry registry;
    private int maxTargets = 100;

    private Builder(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * How many distinct tool and prompt names, and how many resource URIs, may each become a {@code target} tag
     * value (default 100); the rest are reported as {@code other}.
     */
    public Builder maxTargets(int maxTargets) {
      if (maxTargets < 0) {
        throw new IllegalArgumentException("maxTargets must not be negative: " + maxTargets);
      }
      this.maxTargets = maxTargets;
      return this;
    }

    /** Builds the interceptor. */
    public McpMetricsInterceptor build() {
      return new McpMetricsInterceptor(this);
    }
  }

  @Override
  public String toString() {
    return "McpMetricsInterceptor" + Map.of("registry", registry.getClass().getSimpleName());
  }
}
