package dev.conduit.protocol.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cancellation state of one inbound request. While the handler runs, cancelling interrupts its thread, so that
 * blocking calls in the handler return early; callbacks registered with {@link #onCancel} run once.
 */
public final class Cancellation {

  private static final Logger log = LoggerFactory.getLogger(Cancellation.class);

  private final List<Runnable> callbacks = new ArrayList<>();
  private @Nullable Thread runner;
  private @Nullable String reason;
  private boolean cancelled;

  /** Whether the request was cancelled. */
  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** Why it was cancelled, if the peer said. */
  public synchronized @Nullable String reason() {
    return reason;
  }

  /** Runs {@code callback} when the request is cancelled, or now if it already was. */
  public void onCancel(Runnable callback) {
    synchronized (this) {
      if (!cancelled) {
        callbacks.add(callback);
        return;
      }
    }
    run(callback);
  }

  /** Cancels the request: interrupts the handler if it is running and runs the callbacks. Idempotent. */
  public void cancel(@Nullable String why) {
    List<Runnable> toRun;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      reason = why;
      if (runner != null) {
        runner.interrupt();
      }
      toRun = new ArrayList<>(callbacks);
      callbacks.clear();
    }
    toRun.forEach(Cancellation::run);
  }

  /** Marks the current thread as running the handler, so that a cancel can interrupt it. */
  synchronized void enter() {
    runner = Thread.currentThread();
  }

  /** The handler returned: later cancels must not interrupt this thread, which may run other work. */
  void exit() {
    synchronized (this) {
      runner = null;
    }
    // A cancel that raced with the handler's return may have left the flag set on a pooled thread.
    Thread.interrupted();
  }

  private static void run(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      log.warn("Cancellation callback failed", e);
    }
  }
}
