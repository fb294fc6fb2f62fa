package dev.conduit.resilience.internal;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import java.util.Map;

/** The registries used when the user gives none; the values are documented in the module's README. */
public final class Defaults {

  /** The name of the bulkhead configuration that applies to each tool. */
  public static final String TOOL_BULKHEAD = "mcp-tool";

  private Defaults() {}

  /** 3 attempts, exponential backoff from 200 ms with 50 % jitter. */
  public static RetryRegistry retries() {
    return RetryRegistry.of(RetryConfig.custom()
        .maxAttempts(3)
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(200), 2.0, 0.5))
        .build());
  }

  /** Opens at 50 % failures of the last 20 calls (at least 10), for 30 s; then 3 trial calls. */
  public static CircuitBreakerRegistry circuitBreakers() {
    return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(20)
        .minimumNumberOfCalls(10)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofSeconds(30))
        .permittedNumberOfCallsInHalfOpenState(3)
        .build());
  }

  /**
   * A rate per second, refusing at once beyond it.
   *
   * @param perPeriod permissions each second
   */
  public static RateLimiterRegistry rateLimiters(int perPeriod) {
    return RateLimiterRegistry.of(RateLimiterConfig.custom()
        .limitForPeriod(perPeriod)
        .limitRefreshPeriod(Duration.ofSeconds(1))
        .timeoutDuration(Duration.ZERO)
        .build());
  }

  /** 64 concurrent calls in all and 16 per tool ({@value #TOOL_BULKHEAD}), refusing at once beyond them. */
  public static BulkheadRegistry bulkheads() {
    BulkheadConfig whole = BulkheadConfig.custom().maxConcurrentCalls(64).maxWaitDuration(Duration.ZERO).build();
    BulkheadConfig tool = BulkheadConfig.custom().maxConcurrentCalls(16).maxWaitDuration(Duration.ZERO).build();
    return BulkheadRegistry.of(Map.of("default", whole, TOOL_BULKHEAD, tool));
  }

  /** 30 seconds. */
  public static TimeLimiterRegistry timeLimiters() {
    return TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(30)).build());
  }
}
