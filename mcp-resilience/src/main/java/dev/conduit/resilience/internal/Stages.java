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
    forward(inner.whenComplete(action), outer);
    outer.whenComplete((payload, failure) -> {
      if (outer.isCancelled()) {
        cancel(inner);
      }
    });
    return outer;
  }

  /** Completes {@code to} as {@code from} completes; cancelling {@code to} cancels {@code from}. */
  static void link(CompletionStage<JsonPayload> from, CompletableFuture<JsonPayload> to) {
    forward(from, to);
    to.whenComplete((payload, failure) -> {
      if (to.isCancelled()) {
        cancel(from);
      }
    });
  }

  static void cancel(@Nullable CompletionStage<?> stage) {
    if (stage instanceof CompletableFuture<?> future) {
      future.cancel(true);
    }
  }

  private static void forward(CompletionStage<JsonPayload> from, CompletableFuture<JsonPayload> to) {
    from.whenComplete((payload, failure) -> {
      if (failure == null) {
        to.complete(payload);
      } else {
        to.completeExceptionally(failure);
      }
    });
  }
}
