package dev.conduit.transport.http.client.internal;

import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.protocol.transport.TransportContext;
import java.util.ArrayDeque;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands what arrives to the transport's listener: one call at a time, in the order messages were accepted, however
 * many streams deliver at once; and the end exactly once, after every message accepted before it.
 *
 * <p>No thread of its own: the thread that delivers runs the listener, unless another is already doing so, in
 * which case the work waits in a queue that thread drains. The lock is never held while the listener runs.
 */
public final class Inbox {

  private static final Logger log = LoggerFactory.getLogger(Inbox.class);

  private final Object lock = new Object();
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private McpTransport.@Nullable Listener listener;
  private boolean draining;
  private boolean closed;

  /** Sets the listener; once only. */
  public void start(McpTransport.Listener listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (lock) {
      if (this.listener != null) {
        throw new IllegalStateException("Already started");
      }
      this.listener = listener;
    }
  }

  /** Whether the end has been reported (or is about to be). */
  public boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  /** Delivers a message that arrived with nothing to say about how, unless the end was already reported. */
  public void deliver(JsonRpcMessage message) {
    deliver(message, TransportContext.empty());
  }

  /** Delivers a message and what the transport knows about how it arrived, unless the end was already reported. */
  public void deliver(JsonRpcMessage message, TransportContext context) {
    McpTransport.Listener target;
    synchronized (lock) {
      target = listener;
      if (closed || target == null) {
        if (target == null) {
          log.warn("Dropping a message that arrived before the transport was started");
        }
        return;
      }
      queue.add(() -> target.onMessage(message, context));
    }
    drain();
  }

  /**
   * Reports the end: {@code cause} is null for an orderly close.
   *
   * @return false if the end had been reported already
   */
  public boolean close(@Nullable Throwable cause) {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      closed = true;
      McpTransport.Listener target = listener;
      if (target == null) {
        return true;
      }
      queue.add(() -> target.onClose(cause));
    }
    drain();
    return true;
  }

  private void drain() {
    while (true) {
      Runnable next;
      synchronized (lock) {
        if (draining) {
          return;
        }
        next = queue.poll();
        if (next == null) {
          return;
        }
        draining = true;
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        log.warn("The transport listener failed", e);
      } finally {
        synchronized (lock) {
          draining = false;
        }
      }
    }
  }
}
