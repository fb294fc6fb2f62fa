package dev.conduit.transport.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open SSE response. Frames may be queued from any thread; they are written in order by one task at a time on
 * the I/O executor, so that a slow client never blocks a handler or the timer. A failed write, or the container
 * saying so, means the client went away: the owner is told once.
 */
final class SseChannel {

  private static final Logger log = LoggerFactory.getLogger(SseChannel.class);
  private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

  private final Exchange exchange;
  private final OutputStream out;
  private final Executor io;
  private final Deque<byte[]> queue = new ArrayDeque<>();
  private @Nullable Runnable onGone;
  private @Nullable ScheduledFuture<?> keepAlive;
  private boolean draining;
  private boolean closing;
  private boolean finished;

  private SseChannel(Exchange exchange, OutputStream out, Executor io) {
    this.exchange = exchange;
    this.out = out;
    this.io = io;
  }

  /**
   * Starts an SSE response on {@code exchange}.
   *
   * @param onGone runs once if the client goes away before the channel is closed
   * @throws IOException if the client already went away
   */
  static SseChannel open(
      Exchange exchange, Map<String, String> headers, Executor io, ScheduledExecutorService timer,
      Duration keepAliveInterval, Consumer<SseChannel> onGone) throws IOException {
    OutputStream out = exchange.startStream(200, headers);
    SseChannel channel = new SseChannel(exchange, out, io);
    channel.onGone = () -> onGone.accept(channel);
    exchange.onClientGone(channel::gone);
    long every = keepAliveInterval.toMillis();
    channel.keepAlive = timer.scheduleWithFixedDelay(() -> channel.write(KEEP_ALIVE), every, every,
        TimeUnit.MILLISECONDS);
    return channel;
  }

  /** Queues a frame (one or more complete SSE lines ending in a blank line). */
  void write(byte[] frame) {
    synchronized (this) {
      if (closing || finished) {
        return;
      }
      queue.addLast(frame);
      if (draining) {
        return;
      }
      draining = true;
    }
    schedule();
  }

  /** Ends the response after the queued frames; idempotent. */
  void close() {
    synchronized (this) {
      if (closing || finished) {
        return;
      }
      closing = true;
      onGone = null;
      if (draining) {
        return;
      }
      draining = true;
    }
    schedule();
  }

  /** Whether the response is still open for writing. */
  synchronized boolean isOpen() {
    return !closing && !finished;
  }

  private void schedule() {
    try {
      io.execute(this::drain);
    } catch (RuntimeException e) {
      log.debug("Cannot schedule an SSE write", e);
      gone();
    }
  }

  private void drain() {
    while (true) {
      byte[] frame;
      boolean end;
      synchronized (this) {
        frame = queue.pollFirst();
        end = frame == null && closing;
        if (frame == null && !end) {
          draining = false;
          return;
        }
      }
      if (end) {
        finish();
        return;
      }
      try {
        out.write(frame);
        out.flush();
      } catch (IOException | RuntimeException e) {
        log.debug("SSE client went away: {}", e.toString());
        gone();
        return;
      }
    }
  }

  private void finish() {
    synchronized (this) {
      if (finished) {
        return;
      }
      finished = true;
      draining = false;
      queue.clear();
    }
    cancelKeepAlive();
    exchange.endStream();
  }

  /** The client went away: stop writing, tell the owner once. */
  void gone() {
    Runnable callback;
    synchronized (this) {
      if (finished) {
        return;
      }
      finished = true;
      draining = false;
      queue.clear();
      callback = closing ? null : onGone;
      onGone = null;
    }
    cancelKeepAlive();
    exchange.endStream();
    if (callback != null) {
      callback.run();
    }
  }

  private void cancelKeepAlive() {
    ScheduledFuture<?> task = keepAlive;
    if (task != null) {
      task.cancel(false);
    }
  }
}
