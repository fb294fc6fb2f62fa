package dev.conduit.resilience;

import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.resilience.internal.BulkheadInterceptor;
import dev.conduit.resilience.internal.CircuitBreakerInterceptor;
import dev.conduit.resilience.internal.Defaults;
import dev.conduit.resilience.internal.RateLimitInterceptor;
import dev.conduit.resilience.internal.RetryInterceptor;
import dev.conduit.resilience.internal.TimeLimitInterceptor;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The resilience interceptors for the calls of one upstream server, in the documented order: rate limit, bulkhead,
 * circuit breaker, retry, time limit.
 *
 * <pre>{@code
 * McpClient client = McpResilience.defaults().applyTo(McpClient.builder().transport(transport)).connect();
 * }</pre>
 *
 * <p>Every resilience4j object is named after the upstream (per-tool bulkheads {@code <upstream>/tools/<tool>}) and
 * comes from the registry given, so the configurations and metrics binders registered there apply. Build one
 * instance per client, or give several clients of one endpoint the same {@link Builder#upstream} name so that they
 * share a breaker, limiter and bulkhead.
 */
public final class ClientResilience {

  private static final AtomicInteger UNNAMED = new AtomicInteger();

  private final String upstream;
  private final List<McpInterceptor> interceptors;

  private ClientResilience(String upstream, List<McpInterceptor> interceptors) {
    this.upstream = upstream;
    this.interceptors = List.copyOf(interceptors);
  }

  /** Starts configuring the interceptors for one upstream. */
  public static Builder builder() {
    return new Builder();
  }

  /** The name of the upstream, as the resilience4j objects are named. */
  public String upstream() {
    return upstream;
  }

  /** The interceptors, outermost first. */
  public List<McpInterceptor> interceptors() {
    return interceptors;
  }

  /** Adds the interceptors to {@code client}, after any it already has, and returns it. */
  public McpClient.Builder applyTo(McpClient.Builder client) {
    interceptors.forEach(client::interceptor);
    return client;
  }

  /** Configures a {@link ClientResilience}. Each part is on unless turned off. */
  public static final class Builder {
    private @Nullable String upstream;
    private RetryRegistry retries = Defaults.retries();
    private CircuitBreakerRegistry breakers = Defaults.circuitBreakers();
    private RateLimiterRegistry limiters = Defaults.rateLimiters(100);
    private BulkheadRegistry bulkheads = Defaults.bulkheads();
    private TimeLimiterRegistry timeLimiters = Defaults.timeLimiters();
    private final Set<String> idempotentTools = new LinkedHashSet<>();
    private Duration maxRetryAfter = Duration.ofSeconds(30);
    private boolean retry = true;
    private boolean circuitBreaker = true;
    private boolean rateLimiter = true;
    private boolean bulkhead = true;
    private boolean timeLimiter = true;

    private Builder() {}

    /** Names the upstream; clients with the same name share its breaker, limiter and bulkheads. */
    public Builder upstream(String name) {
      this.upstream = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Where the retry comes from (default: 3 attempts, exponential backoff from 200 ms with 50 % jitter). */
    public Builder retryRegistry(RetryRegistry registry) {
      this.retries = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Where the circuit breaker comes from (default: opens at 50 % failures of the last 20 calls, for 30 s). */
    public Builder circuitBreakerRegistry(CircuitBreakerRegistry registry) {
      this.breakers = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Where the rate limiter comes from (default: 100 calls a second, refusing at once beyond that). */
    public Builder rateLimiterRegistry(RateLimiterRegistry registry) {
      this.limiters = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Where the bulkheads come from (default: 64 concurrent calls, 16 per tool). Per-tool bulkheads use the
     * registry's configuration named {@value Defaults#TOOL_BULKHEAD}, or its default one.
     */
    public Builder bulkheadRegistry(BulkheadRegistry registry) {
      this.bulkheads = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Where the per-attempt time limit comes from (default: 30 s). */
    public Builder timeLimiterRegistry(TimeLimiterRegistry registry) {
      this.timeLimiters = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Declares tools that may be called again with the same arguments, whatever their annotations say. Other tools
     * are retried only if a {@code tools/list} result seen by this client marked them read-only or idempotent.
     */
    public Builder idempotentTools(String... names) {
      idempotentTools.addAll(Arrays.asList(names));
      return this;
    }

    /** A server asking to wait longer than this before a retry (in {@code retryAfterMs}) is not retried. */
    public Builder maxRetryAfter(Duration max) {
      this.maxRetryAfter = Objects.requireNonNull(max, "max");
      return this;
    }

    /** Turns retries off. */
    public Builder withoutRetry() {
      this.retry = false;
      return this;
    }

    /** Turns the circuit breaker off. */
    public Builder withoutCircuitBreaker() {
      this.circuitBreaker = false;
      return this;
    }

    /** Turns the rate limiter off. */
    public Builder withoutRateLimiter() {
      this.rateLimiter = false;
      return this;
    }

    /** Turns the bulkheads off. */
    public Builder withoutBulkhead() {
      this.bulkhead = false;
      return this;
    }

    /** Turns the time limit off (the client's own request timeout still applies). */
    public Builder withoutTimeLimiter() {
      this.timeLimiter = false;
      return this;
    }

    /** The interceptors, in the documented order. */
    public ClientResilience build() {
      String name = upstream != null ? upstream : "mcp-upstream-" + UNNAMED.incrementAndGet();
      List<McpInterceptor> chain = new ArrayList<>();
      if (rateLimiter) {
        RateLimiter limiter = limiters.rateLimiter(name);
        chain.add(new RateLimitInterceptor(request -> limiter));
      }
      if (bulkhead) {
        chain.add(new BulkheadInterceptor(bulkheads, name, Defaults.TOOL_BULKHEAD));
      }
      if (circuitBreaker) {
        chain.add(new CircuitBreakerInterceptor(breakers.circuitBreaker(name)));
      }
      if (retry) {
        chain.add(new RetryInterceptor(retries.retry(name), idempotentTools, maxRetryAfter));
      }
      if (timeLimiter) {
        chain.add(new TimeLimitInterceptor(timeLimiters.timeLimiter(name)));
      }
      return new ClientResilience(name, chain);
    }
  }
}
