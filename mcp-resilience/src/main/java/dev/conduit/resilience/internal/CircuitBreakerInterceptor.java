package dev.conduit.resilience.internal;

import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.RetryHint;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Guards one upstream with a {@link CircuitBreaker}. Transport errors, timeouts and internal errors count as
 * failures; everything else (a tool result with {@code isError}, an invalid-params error) as a success, since the
 * upstream answered. While the breaker is open, calls fail at once with {@link ErrorCodes#UPSTREAM_UNAVAILABLE},
 * whose data says when the breaker will let a trial call through.
 */
public final class CircuitBreakerInterceptor implements McpInterceptor {

  private final CircuitBreaker breaker;
  // A breaker from the user's registry may be open already; then its wait is counted from now.
  private volatile long openedAtNanos = System.nanoTime();

  /** Guards the calls with {@code breaker}, which may be shared with other clients of the same upstream. */
  public CircuitBreakerInterceptor(CircuitBreaker breaker) {
    this.breaker = breaker;
    breaker.getEventPublisher().onStateTransition(event -> {
      if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
        openedAtNanos = System.nanoTime();
      }
    });
  }

  @Override
  public CompletionStage<JsonPayload> intercept(Chain chain) {
    if (!breaker.tryAcquirePermission()) {
      return CompletableFuture.failedFuture(Failures.rejected(ErrorCodes.UPSTREAM_UNAVAILABLE,
          "Upstream " + breaker.getName() + " is unavailable (circuit open)", hint()));
    }
    long start = System.nanoTime();
    return Stages.whenDone(chain.proceed(chain.request()), (payload, failure) -> {
      long elapsed = System.nanoTime() - start;
      if (failure == null) {
        breaker.onResult(elapsed, TimeUnit.NANOSECONDS, payload);
      } else if (Failures.unwrap(failure) instanceof CancellationException) {
        breaker.releasePermission();
      } else if (Failures.isUpstreamFailure(failure)) {
        breaker.onError(elapsed, TimeUnit.NANOSECONDS, Failures.unwrap(failure));
      } else {
        breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
      }
    });
  }

  /** When the open breaker will admit a trial call; unknown in the other states that refuse calls. */
  private @Nullable RetryHint hint() {
    if (breaker.getState() != CircuitBreaker.State.OPEN) {
      return null;
    }
    long waitMillis = breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
    long sinceOpen = Duration.ofNanos(System.nanoTime() - openedAtNanos).toMillis();
    return RetryHint.after(Duration.ofMillis(Math.max(0, waitMillis - sinceOpen)));
  }
}
