package dev.conduit.transport.stdio.internal;

import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes messages as lines from one thread of its own, so a caller never waits for a slow pipe and messages keep the
 * order in which they were sent. The thread encodes everything queued into one buffer and flushes when the queue runs
 * dry: under load many messages share a system call, and a lone message still goes out at once.
 */
public final class FrameWriter {

  /** Told when writing fails, which ends the connection. */
  @FunctionalInterface
  public interface FailureHandler {
    void writeFailed(IOException failure);
  }

  private static final Logger log = LoggerFactory.getLogger(FrameWriter.class);

  // Beyond this much the batch goes to the pipe without waiting for the queue to run dry, so that a steady stream of
  // messages neither grows the buffer nor holds back the first of them.
  private static final int BATCH_BYTES = 64 * 1024;

  private static final Object FINISH = new Object();

  private final JsonRpcCodec codec;
  private final OutputStream out;
  private final FailureHandler onFailure;
  // Lock-free, and the writer is woken only when it sleeps: under load a sender pays for neither a lock nor a wake-up.
  private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
  private final FrameBuffer batch = new FrameBuffer();
  private final List<CompletableFuture<Void>> written = new ArrayList<>();
  private final CountDownLatch stoppedLatch = new CountDownLatch(1);
  private volatile boolean accepting = true;
  private volatile boolean stopped;
  private volatile boolean sleeping;
  private volatile @Nullable Thread thread;

  private record Frame(JsonRpcMessage message, CompletableFuture<Void> sent) {}

  public FrameWriter(JsonRpcCodec codec, OutputStream out, FailureHandler onFailure) {
    this.codec = codec;
    this.out = out;
    this.onFailure = onFailure;
  }

  /** Starts the writer thread. */
  public void start(String threadName) {
    Thread writer = DaemonThreads.create(threadName, this::run);
    // Known before it runs: a sender that finds it asleep must have something to wake.
    thread = writer;
    writer.start();
  }

  /**
   * Queues a message; never blocks.
   *
   * @return completes once the message has been written and flushed; fails if it could not be encoded or written, or
   *     if the writer no longer accepts messages
   */
  public CompletableFuture<Void> send(JsonRpcMessage message) {
    if (!accepting) {
      return CompletableFuture.failedFuture(new IOException("The connection is closed"));
    }
    Frame frame = new Frame(message, new CompletableFuture<>());
    queue.add(frame);
    wake();
    if (stopped) {
      // The writer stopped between the check and the add, and may have drained the queue already.
      failQueued(new IOException("The connection is closed"));
    }
    return frame.sent;
  }

  /** Stops accepting messages; the thread writes what is queued, then closes the stream. */
  public void finish() {
    accepting = false;
    queue.add(FINISH);
    wake();
  }

  /** Waits until the writer thread has stopped; {@code false} if it is still running after {@code timeout}. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stoppedLatch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Whether the calling thread is the writer thread (which must not wait for itself). */
  public boolean isWriterThread() {
    return Thread.currentThread() == thread;
  }

  private void run() {
    IOException failure = null;
    try {
      writeUntilFinished();
    } catch (IOException e) {
      failure = e;
    } catch (InterruptedException e) {
      failure = new InterruptedIOException("Writer interrupted");
    } catch (RuntimeException | Error e) {
      // Without its writer the connection is dead; it must still be reported closed.
      log.error("The writer failed", e);
      failure = new IOException("The writer failed: " + e, e);
    } finally {
      accepting = false;
      stopped = true;
      IOException reason = failure != null ? failure : new IOException("The connection is closed");
      written.forEach(sent -> sent.completeExceptionally(reason));
      written.clear();
      failQueued(reason);
      stoppedLatch.countDown();
    }
    if (failure != null) {
      onFailure.writeFailed(failure);
    }
  }

  private void wake() {
    if (sleeping) {
      LockSupport.unpark(thread);
    }
  }

  /** The next queued item, sleeping until there is one. */
  private Object take() throws InterruptedException {
    Object next = queue.poll();
    if (next != null) {
      return next;
    }
    // Announce the sleep before the last look, so that a sender adding after that look is sure to wake us.
    sleeping = true;
    try {
      while ((next = queue.poll()) == null) {
        LockSupport.park(this);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
      return next;
    } finally {
      sleeping = false;
    }
  }

  private void writeUntilFinished() throws IOException, InterruptedException {
    while (true) {
      Object next = take();
      do {
        if (next == FINISH) {
          flush();
          closeQuietly();
          return;
        }
        encode((Frame) next);
        if (batch.size() >= BATCH_BYTES) {
          flush();
        }
        next = queue.poll();
      } while (next != null);
      flush();
    }
  }

  private void encode(Frame frame) {
    int mark = batch.size();
    try {
      codec.encode(frame.message, batch);
      batch.write('\n');
      written.add(frame.sent);
    } catch (RuntimeException e) {
      // A payload that cannot be serialised fails its own send, not the connection.
      batch.truncate(mark);
      frame.sent.completeExceptionally(e);
    }
  }

  private void flush() throws IOException {
    if (written.isEmpty()) {
      return;
    }
    batch.drainTo(out);
    out.flush();
    for (CompletableFuture<Void> sent : written) {
      sent.complete(null);
    }
    written.clear();
  }

  private void closeQuietly() {
    try {
      out.close();
    } catch (IOException e) {
      // The peer may be gone already; everything queued was written, so there is nothing to report.
      log.debug("Closing the output failed", e);
    }
  }

  private void failQueued(IOException reason) {
    Object next;
    while ((next = queue.poll()) != null) {
      if (next instanceof Frame frame) {
        frame.sent.completeExceptionally(reason);
      }
    }
  }
}
