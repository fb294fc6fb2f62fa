package dev.conduit.resilience.internal;

import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.RetryHint;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Sends a failed call again when that is safe (see {@link SafeToRepeat}) and the failure is worth it: a transport
 * error, a timeout, an internal error, or an error whose data says {@code retryable}. The wait between attempts is
 * the user's {@link Retry}'s (exponential backoff with jitter by default), or longer if the server asked for that
 * with {@code retryAfterMs}. Each attempt proceeds down the chain afresh, so it goes out with a new request id.
 *
 * <p>Failures it never retries (unsafe calls, other errors) pass through without touching the retry's metrics.
 */
public final class RetryInterceptor implements McpInterceptor {

  private final Retry retry;
  private final SafeToRepeat safe;
  private final Duration maxRetryAfter;

  /**
   * Retries with {@code retry}.
   *
   * @param declaredTools tools the user says may be repeated whatever their annotations
   * @param maxRetryAfter a server asking to wait longer than this is not retried
   */
  public RetryInterceptor(Retry retry, Set<String> declaredTools, Duration maxRetryAfter) {
    this.retry = retry;
    this.safe = new SafeToRepeat(declaredTools);
    this.maxRetryAfter = maxRetryAfter;
  }

  @Override
  public CompletionStage<JsonPayload> intercept(Chain chain) {
    McpRequest request = chain.request();
    if (!safe.allows(request)) {
      return chain.proceed(request);
    }
    CompletableFuture<JsonPayload> result = new CompletableFuture<>();
    AtomicReference<@Nullable CompletionStage<JsonPayload>> current = new AtomicReference<>();
    result.whenComplete((payload, failure) -> {
      if (result.isCancelled()) {
        Stages.cancel(current.get());
      }
    });
    attempt(chain, retry.asyncContext(), result, current);
    return result;
  }

  private void attempt(Chain chain, Retry.AsyncContext<JsonPayload> context, CompletableFuture<JsonPayload> result,
      AtomicReference<@Nullable CompletionStage<JsonPayload>> current) {
    if (result.isDone()) {
      return;
    }
    CompletionStage<JsonPayload> stage = chain.proceed(chain.request());
    current.set(stage);
    if (result.isCancelled()) {
      Stages.cancel(stage);
    }
    stage.whenComplete((payload, failure) -> {
      if (failure == null) {
        // Learnt before the caller sees the list, so that a call right after it can be retried.
        safe.observe(chain.request(), payload);
        context.onComplete();
        result.complete(payload);
        return;
      }
      long delayMillis = Failures.isRetryable(failure) ? delayBeforeNext(context, failure) : -1;
      if (delayMillis < 0) {
        result.completeExceptionally(Failures.unwrap(failure));
        return;
      }
      Delays.after(delayMillis, TimeUnit.MILLISECONDS, () -> attempt(chain, context, result, current));
    });
  }

  /** How long to wait before the next attempt, or -1 if there is to be none. */
  private long delayBeforeNext(Retry.AsyncContext<JsonPayload> context, Throwable failure) {
    Duration asked = Failures.hint(failure).map(RetryHint::retryAfter).orElse(null);
    if (asked != null && asked.compareTo(maxRetryAfter) > 0) {
      return -1;
    }
    long backoff = context.onError(Failures.unwrap(failure));
    if (backoff < 0) {
      return -1;
    }
    return asked == null ? backoff : Math.max(backoff, asked.toMillis());
  }
}
