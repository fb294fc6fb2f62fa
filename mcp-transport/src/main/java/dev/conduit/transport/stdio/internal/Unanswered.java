package dev.conduit.transport.stdio.internal;

import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.jsonrpc.JsonRpcRequest;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many of the peer's requests are still unanswered. When the peer closes its side of a pipe after its last
 * request ({@code printf '...' | server}), the answers still in progress are worth waiting for, briefly, before the
 * connection is declared closed.
 *
 * <p>A count rather than a set of ids, because it is kept for every message on the hot path and needed only at the
 * end. It is best effort: a cancellation of a request already answered makes the wait end one answer early.
 */
final class Unanswered {

  private static final String CANCELLED = "notifications/cancelled";

  // A subscriptions/listen stream is answered only when it ends, which a peer that has stopped sending never asks
  // for; waiting for it would only delay every exit.
  private static final String LISTEN = "subscriptions/listen";

  private final AtomicLong open = new AtomicLong();

  void received(JsonRpcMessage message) {
    if (message instanceof JsonRpcRequest request) {
      if (!request.method().equals(LISTEN)) {
        open.incrementAndGet();
      }
    } else if (message instanceof JsonRpcNotification notification && notification.method().equals(CANCELLED)) {
      // A cancelled request is never answered.
      answered();
    }
  }

  void sent(JsonRpcMessage message) {
    if (message instanceof JsonRpcResponse response && response.id() != null) {
      answered();
    }
  }

  /** Waits until every request has been answered; {@code false} if some are still open after {@code timeout}. */
  synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (open.get() > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  private void answered() {
    if (open.decrementAndGet() <= 0) {
      synchronized (this) {
        notifyAll();
      }
    }
  }
}
