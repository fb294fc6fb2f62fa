package dev.conduit.protocol.internal;

import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** One of a session's requests, awaiting its response, with the timer that ends the wait. */
final class OutboundCall {

  private final RequestId id;
  private final String method;
  private final CallOptions options;
  private final Consumer<OutboundCall> onTimeout;
  private final CompletableFuture<JsonPayload> future = new CompletableFuture<>();
  private final long startNanos = System.nanoTime();
  private volatile boolean answered;
  private final AtomicInteger notificationsQueued = new AtomicInteger();
  private Deadlines.@Nullable Deadline timer;

  OutboundCall(RequestId id, String method, CallOptions options, Consumer<OutboundCall> onTimeout) {
    this.id = id;
    this.method = method;
    this.options = options;
    this.onTimeout = onTimeout;
  }

  RequestId id() {
    return id;
  }

  String method() {
    return method;
  }

  CallOptions options() {
    return options;
  }

  CompletableFuture<JsonPayload> future() {
    return future;
  }

  /** The peer answered; a cancellation after this point needs no notification. */
  void markAnswered() {
    answered = true;
  }

  boolean answered() {
    return answered;
  }

  /** A notification about this call is on its way to the listeners. */
  void notificationQueued() {
    notificationsQueued.incrementAndGet();
  }

  void notificationDelivered() {
    notificationsQueued.decrementAndGet();
  }

  /** Whether notifications about this call have not reached the listeners yet: its response must wait for them. */
  boolean hasNotificationsQueued() {
    return notificationsQueued.get() > 0;
  }

  /** Starts (or restarts) the wait. */
  synchronized void armTimeout(Duration delay) {
    if (future.isDone()) {
      return;
    }
    if (timer != null) {
      timer.cancel();
    }
    timer = Deadlines.SHARED.schedule(delay.toNanos(), () -> onTimeout.accept(this));
  }

  /** Progress arrived: restarts the wait, but never past the call's maximum. */
  void extendTimeout() {
    Duration max = options.maxTimeout();
    Duration timeout = options.timeout();
    if (max == null || timeout == null) {
      return;
    }
    Duration left = max.minus(elapsed());
    if (left.isNegative() || left.isZero()) {
      return;
    }
    armTimeout(left.compareTo(timeout) < 0 ? left : timeout);
  }

  synchronized void disarmTimeout() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
