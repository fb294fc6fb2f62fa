package dev.conduit.resilience.internal;

import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.RetryHint;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Admits a call if its caller's {@link RateLimiter} has a permission now, or within the limiter's {@code
 * timeoutDuration} (the call then waits that long). Otherwise the call fails at once with {@link
 * ErrorCodes#RATE_LIMITED}, whose data says when a permission will be free.
 */
public final class RateLimitInterceptor implements McpInterceptor {

  private final Function<McpRequest, RateLimiter> limiters;

  /**
   * Limits requests with {@code limiters}.
   *
   * @param limiters the limiter that applies to a request: the upstream's, or its caller's
   */
  public RateLimitInterceptor(Function<McpRequest, RateLimiter> limiters) {
    this.limiters = limiters;
  }

  @Override
  public CompletionStage<JsonPayload> intercept(Chain chain) {
    McpRequest request = chain.request();
    RateLimiter limiter = limiters.apply(request);
    long waitNanos = limiter.reservePermission();
    if (waitNanos < 0) {
      return CompletableFuture.failedFuture(Failures.rejected(ErrorCodes.RATE_LIMITED,
          "Rate limit exceeded; try again later", RetryHint.after(untilFree(limiter))));
    }
    if (waitNanos == 0) {
      return chain.proceed(request);
    }
    if (request.side() == McpRequest.Side.SERVER) {
      // Server interceptors run on a handler thread, which may block; the handler runs on it right after.
      long due = System.nanoTime() + waitNanos;
      for (long left = waitNanos; left > 0; left = due - System.nanoTime()) {
        LockSupport.parkNanos(left);
        if (Thread.currentThread().isInterrupted()) {
          // The client cancelled the request while it waited; the engine sends no answer.
          return CompletableFuture.failedFuture(new CancellationException("Cancelled while waiting for a permission"));
        }
      }
      return chain.proceed(request);
    }
    // A client's caller may be asynchronous: wait without holding its thread.
    CompletableFuture<JsonPayload> result = new CompletableFuture<>();
    Delays.after(waitNanos, TimeUnit.NANOSECONDS, () -> {
      if (!result.isDone()) {
        Stages.link(chain.proceed(request), result);
      }
    });
    return result;
  }

  private static Duration untilFree(RateLimiter limiter) {
    if (limiter.getMetrics() instanceof AtomicRateLimiter.AtomicRateLimiterMetrics metrics) {
      return Duration.ofNanos(Math.max(0, metrics.getNanosToWait()));
    }
    return limiter.getRateLimiterConfig().getLimitRefreshPeriod();
  }
}
