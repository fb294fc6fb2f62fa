package dev.conduit.transport.websocket.internal;

import dev.conduit.protocol.McpConnectionClosedException;
import jakarta.websocket.SendHandler;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * What one connection sends, in order, through the container's asynchronous remote: one message in flight at a time
 * (Jakarta WebSocket allows no more), the others queued, so that no sender ever waits for the peer. Like an SSE
 * channel's queue, drained by one party at a time; here the container's completion callback hands the next message
 * over, and no thread waits.
 *
 * <p>The queue is bounded in bytes: a peer that stops reading must not make the server hold an unbounded backlog. A
 * message that would go past the bound is refused and the owner is told, once, to close the connection. A message
 * larger than the bound is still sent when nothing else is queued.
 */
final class Outbox {

  /** The container's asynchronous text send. */
  @FunctionalInterface
  interface Sender {
    void sendText(String text, SendHandler done);
  }

  private record Item(String text, long bytes, CompletableFuture<Void> sent) {}

  private final Sender sender;
  private final long maxBytes;
  private final Runnable onOverflow;
  private final ArrayDeque<Item> queue = new ArrayDeque<>();
  private long queuedBytes;
  private boolean sending;
  private boolean closed;
  private @Nullable Runnable whenDrained;

  /**
   * @param maxBytes the most bytes queued or in flight
   * @param onOverflow runs once, on the sender's thread, when a message is refused for want of room
   */
  Outbox(Sender sender, long maxBytes, Runnable onOverflow) {
    this.sender = sender;
    this.maxBytes = maxBytes;
    this.onOverflow = onOverflow;
  }

  /** Queues {@code text}; completes once the container has sent it. */
  CompletableFuture<Void> send(String text) {
    Item item = new Item(text, Utf8.length(text), new CompletableFuture<>());
    boolean overflow;
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(new McpConnectionClosedException("The WebSocket is closed", null));
      }
      overflow = queuedBytes > 0 && queuedBytes + item.bytes > maxBytes;
      if (overflow) {
        closed = true;
      } else {
        queue.add(item);
        queuedBytes += item.bytes;
        if (sending) {
          return item.sent;
        }
        sending = true;
      }
    }
    if (overflow) {
      onOverflow.run();
      return CompletableFuture.failedFuture(
          new IOException("More than " + maxBytes + " bytes are waiting for a peer that does not read"));
    }
    pump();
    return item.sent;
  }

  /** Accepts nothing more; runs {@code then} once what is queued has been sent (at once if nothing is). */
  void finish(Runnable then) {
    synchronized (this) {
      closed = true;
      if (sending) {
        whenDrained = then;
        return;
      }
    }
    then.run();
  }

  /** Accepts nothing more and fails what is queued. */
  void abort() {
    List<Item> dropped;
    synchronized (this) {
      closed = true;
      whenDrained = null;
      dropped = new ArrayList<>(queue);
      queue.clear();
    }
    dropped.forEach(item -> item.sent.completeExceptionally(
        new McpConnectionClosedException("The WebSocket closed before the message was sent", null)));
  }

  private void pump() {
    while (true) {
      Item next;
      Runnable drained = null;
      synchronized (this) {
        next = queue.peek();
        if (next == null) {
          sending = false;
          drained = whenDrained;
          whenDrained = null;
        }
      }
      if (next == null) {
        if (drained != null) {
          drained.run();
        }
        return;
      }
      // Whoever comes second, this loop after the call or the completion callback, carries on: a container that
      // completes sends at once must not make the callbacks recurse.
      AtomicBoolean secondComes = new AtomicBoolean();
      Item current = next;
      try {
        sender.sendText(current.text, result -> {
          done(current, result.isOK() ? null : result.getException());
          if (!secondComes.compareAndSet(false, true)) {
            pump();
          }
        });
      } catch (RuntimeException e) {
        done(current, e);
        secondComes.set(true);
        continue;
      }
      if (secondComes.compareAndSet(false, true)) {
        return;
      }
    }
  }

  private void done(Item item, @Nullable Throwable failure) {
    synchronized (this) {
      queue.remove(item);
      queuedBytes -= item.bytes;
    }
    if (failure == null) {
      item.sent.complete(null);
    } else {
      item.sent.completeExceptionally(failure);
    }
  }
}
