package dev.conduit.resilience.internal;

import dev.conduit.protocol.McpTimeoutException;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * Bounds each attempt of a client call by the {@link TimeLimiter}'s {@code timeoutDuration}. It sets the engine's
 * per-request timeout rather than timing a local future, so an expiry also cancels the request at the server
 * ({@code notifications/cancelled}) and fails the call with {@link McpTimeoutException}. It replaces the client's
 * default request timeout; a shorter timeout the caller asked for still applies, and a call that asked for progress
 * has its wait extended by each progress notification, up to the client's {@code maxTimeout}, as any call does.
 * The limiter's events (and so its metrics) report each outcome.
 */
public final class TimeLimitInterceptor implements McpInterceptor {

  private final TimeLimiter limiter;

  /** Bounds each attempt by {@code limiter}'s timeout, which replaces the client's default request timeout. */
  public TimeLimitInterceptor(TimeLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public CompletionStage<JsonPayload> intercept(Chain chain) {
    McpRequest request = chain.request();
    if (request.side() != McpRequest.Side.CLIENT) {
      return chain.proceed(request);
    }
    Duration limit = limiter.getTimeLimiterConfig().getTimeoutDuration();
    Duration asked = request.timeout();
    Duration timeout = asked != null && asked.compareTo(limit) < 0 ? asked : limit;
    return Stages.whenDone(chain.proceed(request.withTimeout(timeout)), (payload, failure) -> {
      if (failure == null) {
        limiter.onSuccess();
        return;
      }
      Throwable cause = Failures.unwrap(failure);
      if (cause instanceof McpTimeoutException timedOut) {
        limiter.onError(new TimeoutException(timedOut.getMessage()));
      } else if (!(cause instanceof CancellationException)) {
        limiter.onError(cause);
      }
    });
  }
}
