package dev.conduit.transport.websocket.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Pings a connection at an interval and tells its owner when a ping went unanswered for longer than the pong
 * timeout: a peer that went away without closing, or stopped reading, is noticed. Any pong counts as an answer.
 */
final class KeepAlive {

  /** Sends a ping (may block while the peer is slow). */
  @FunctionalInterface
  interface Pinger {
    void ping(ByteBuffer payload) throws Exception;
  }

  private final Pinger pinger;
  private final Duration interval;
  private final Duration pongTimeout;
  private final Runnable onTimeout;
  private volatile long lastPong = System.nanoTime();
  private volatile @Nullable ScheduledFuture<?> task;
  private volatile boolean stopped;

  KeepAlive(Pinger pinger, Duration interval, Duration pongTimeout, Runnable onTimeout) {
    this.pinger = pinger;
    this.interval = interval;
    this.pongTimeout = pongTimeout;
    this.onTimeout = onTimeout;
  }

  /** Starts pinging, unless the interval is zero. */
  void start() {
    if (interval.isZero()) {
      return;
    }
    long every = interval.toNanos();
    task = WebSocketThreads.TIMER.scheduleWithFixedDelay(this::ping, every, every, TimeUnit.NANOSECONDS);
  }

  /** A pong arrived. */
  void pong() {
    lastPong = System.nanoTime();
  }

  /** Stops pinging; no timeout is reported after this. */
  void stop() {
    stopped = true;
    ScheduledFuture<?> current = task;
    if (current != null) {
      current.cancel(false);
    }
  }

  private void ping() {
    long sentAt = System.nanoTime();
    WebSocketThreads.TIMER.schedule(() -> check(sentAt), pongTimeout.toNanos(), TimeUnit.NANOSECONDS);
    try {
      WebSocketThreads.IO.execute(() -> {
        try {
          pinger.ping(ByteBuffer.wrap(Long.toString(sentAt).getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
          // A ping that cannot be sent is answered by no pong: the deadline reports it.
        }
      });
    } catch (RejectedExecutionException e) {
      // Only when the JVM is going down.
    }
  }

  private void check(long sentAt) {
    if (!stopped && lastPong - sentAt < 0) {
      stop();
      onTimeout.run();
    }
  }
}
