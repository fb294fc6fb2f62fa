package dev.conduit.transport.http.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Puts messages on the wire in the order they were sent, as the transport SPI promises, without making anyone wait
 * for a response: each message's POST starts once the body of the message before it has been written (or its POST
 * has failed). Responses still arrive concurrently, each on its own connection.
 */
final class SendOrder {

  private final AtomicReference<CompletableFuture<Void>> last =
      new AtomicReference<>(CompletableFuture.completedFuture(null));

  /**
   * Queues a message behind every message sent before it.
   *
   * @param start called, once the previous message is out, with the future that the caller must complete when this
   *     message's body has been written or its POST has failed; until then the next message waits
   */
  void next(Consumer<CompletableFuture<Void>> start) {
    CompletableFuture<Void> written = new CompletableFuture<>();
    CompletableFuture<Void> previous = last.getAndSet(written);
    previous.whenComplete((ok, failure) -> {
      try {
        start.accept(written);
      } catch (RuntimeException e) {
        written.complete(null);
        throw e;
      }
    });
  }
}
