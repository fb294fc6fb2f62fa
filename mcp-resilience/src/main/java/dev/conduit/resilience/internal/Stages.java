package dev.conduit.resilience.internal;

import dev.conduit.protocol.jsonrpc.JsonPayload;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/** Completion stages whose cancellation reaches the request they wait for. */
final class Stages {

  private Stages() {}

  /**
   * {@code inner} with {@code action} run when it completes; cancelling the result cancels {@code inner}, and so
   * the request on the wire, as an outer interceptor (or a caller) expects.
   */
  static CompletionStage<JsonPayload> whenDone(
      CompletionStage<JsonPayload> inner, BiConsumer<@Nullable JsonPayload, @Nullable Throwable> action) {
    // Not inner.whenComplete(action) as the result: a dependent that is cancelled first never runs its action.
    CompletableFuture<JsonPayload> outer = new CompletableFuture<>();
    inner.whenComplete((payload, failure) -> {
      try {
        action.accept(payload, failure);
      } finally {
        if (failure == null) {
          outer.complete(payload);
        } else {
          outer.completeExceptionally(failure);
        }
      }
    });
    outer.whenComplete((payload, failure) -> {
      if (outer.isCancelled()) {
        cancel(inner);
      }
    });
    return outer;
  }

  static void cancel(@Nullable CompletionStage<?> stage) {
    if (stage instanceof CompletableFuture<?> future) {
      future.cancel(true);
    }
  }
}
