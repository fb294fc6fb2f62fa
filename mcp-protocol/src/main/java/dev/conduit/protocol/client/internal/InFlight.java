package dev.conduit.protocol.client.internal;

import dev.conduit.protocol.jsonrpc.JsonPayload;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The session requests one call has made (more than one with input rounds or an interceptor that retries), so that
 * cancelling the call, which the caller does on a future that depends on them, cancels them too.
 */
final class InFlight {
  private final Set<CompletableFuture<JsonPayload>> requests = ConcurrentHashMap.newKeySet();
  private final @Nullable InFlight parent;
  private volatile boolean cancelled;

  InFlight() {
    this(null);
  }

  private InFlight(@Nullable InFlight parent) {
    this.parent = parent;
  }

  /**
   * The requests of one attempt of the call (an interceptor may proceed more than once), which the attempt's own
   * stage cancels without cancelling the call; cancelling the call cancels them too.
   */
  InFlight attempt() {
    return new InFlight(this);
  }

  /** Sends a request of the call, unless the call was cancelled. */
  CompletableFuture<JsonPayload> track(Supplier<CompletableFuture<JsonPayload>> send) {
    if (isCancelled()) {
      return CompletableFuture.failedFuture(new CancellationException("The call was cancelled"));
    }
    CompletableFuture<JsonPayload> request = send.get();
    register(request);
    if (isCancelled()) {
      request.cancel(true);
    }
    return request;
  }

  private boolean isCancelled() {
    return cancelled || (parent != null && parent.isCancelled());
  }

  private void register(CompletableFuture<JsonPayload> request) {
    requests.add(request);
    request.whenComplete((result, failure) -> requests.remove(request));
    if (parent != null) {
      parent.register(request);
    }
  }

  /** A future of the call's result whose cancellation cancels the requests in flight. */
  <T> CompletableFuture<T> cancellable(CompletionStage<T> result) {
    CompletableFuture<T> call = new CompletableFuture<>();
    result.whenComplete((value, failure) -> {
      if (failure == null) {
        call.complete(value);
      } else {
        call.completeExceptionally(
            failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
      }
    });
    call.whenComplete((value, failure) -> {
      if (call.isCancelled()) {
        cancelled = true;
        requests.forEach(request -> request.cancel(true));
      }
    });
    return call;
  }
}
