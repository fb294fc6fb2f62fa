package dev.conduit.transport.stdio.internal;

import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes messages as lines, in the order in which they were sent, from one thread of its own or, when the pipe is
 * idle, from the sender's.
 *
 * <p>The writer thread encodes everything queued into one buffer and flushes when the queue runs dry: under load many
 * messages share a system call, and a lone message still goes out at once. A sender that finds nothing queued and
 * nobody writing may write its message itself, which spares a thread hand-off per message (the common case of one
 * request at a time); a sender that must never block on the pipe (a reader thread, whose peer may be waiting for us to
 * read) asks for the queue.
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
  // Queued after a sender's own write failed, so that the writer thread ends the connection the one way it knows.
  private static final Object FAILED = new Object();

  private final JsonRpcCodec codec;
  private final OutputStream out;
  private final FailureHandler onFailure;
  // Lock-free, and the writer is woken only when it sleeps: under load a sender pays for neither a lock nor a wake-up.
  private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
  // Held by whoever encodes or writes; the queue is only ever drained under it, which keeps each sender's order.
  private final ReentrantLock writing = new ReentrantLock();
  private final FrameBuffer batch = new FrameBuffer();
  private final List<CompletableFuture<Void>> written = new ArrayList<>();
  private final CountDownLatch stoppedLatch = new CountDownLatch(1);
  private volatile boolean accepting = true;
  private volatile boolean stopped;
  private volatile boolean sleeping;
  private volatile @Nullable Thread thread;
  private volatile @Nullable IOException senderFailure;

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
   * Sends a message: writes it at once on the calling thread if {@code mayBlock} and the pipe is idle, otherwise queues
   * it for the writer thread.
   *
   * @param mayBlock whether the caller may wait for the pipe (a full pipe blocks until the peer reads)
   * @return completes once the message has been written and flushed; fails if it could not be encoded or written, or
   *     if the writer no longer accepts messages
   */
  public CompletableFuture<Void> send(JsonRpcMessage message, boolean mayBlock) {
    if (!accepting) {
      return CompletableFuture.failedFuture(new IOException("The connection is closed"));
    }
    Frame frame = new Frame(message, new CompletableFuture<>());
    if (mayBlock && queue.isEmpty() && writeNow(frame)) {
      return frame.sent;
    }
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
      writing.lock();
      try {
        failWritten(reason);
      } finally {
        writing.unlock();
      }
      failQueued(reason);
      stoppedLatch.countDown();
    }
    if (failure != null) {
      onFailure.writeFailed(failure);
    }
  }

  /** Writes {@code frame} on the calling thread if nothing is queued and nobody writes; false if it did not. */
  private boolean writeNow(Frame frame) {
    if (!writing.tryLock()) {
      return false;
    }
    try {
      // Under the lock an empty queue means every message sent before this one is on the pipe already.
      if (!accepting || !queue.isEmpty()) {
        return false;
      }
      encode(frame);
      try {
        flush();
      } catch (IOException e) {
        failWritten(e);
        accepting = false;
        senderFailure = e;
        queue.add(FAILED);
      }
      return true;
    } finally {
      writing.unlock();
      // Whatever others queued while this thread wrote is the writer thread's to write.
      if (!queue.isEmpty()) {
        wake();
      }
    }
  }

  private void wake() {
    if (sleeping) {
      LockSupport.unpark(thread);
    }
  }

  /** Sleeps until something is queued. */
  private void awaitQueued() throws InterruptedException {
    if (!queue.isEmpty()) {
      return;
    }
    // Announce the sleep before the last look, so that a sender adding after that look is sure to wake us.
    sleeping = true;
    try {
      while (queue.isEmpty()) {
        LockSupport.park(this);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    } finally {
      sleeping = false;
    }
  }

  private void writeUntilFinished() throws IOException, InterruptedException {
    while (true) {
      awaitQueued();
      writing.lockInterruptibly();
      try {
        if (drainQueue()) {
          return;
        }
      } finally {
        writing.unlock();
      }
    }
  }

  /** Writes everything queued; true once the stream is finished. Called with the lock held. */
  private boolean drainQueue() throws IOException {
    Object next;
    while ((next = queue.poll()) != null) {
      if (next == FINISH) {
        flush();
        closeQuietly();
        return true;
      }
      if (next == FAILED) {
        throw Objects.requireNonNull(senderFailure);
      }
      encode((Frame) next);
      if (batch.size() >= BATCH_BYTES) {
        flush();
      }
    }
    flush();
    return false;
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

  private void failWritten(IOException reason) {
    for (CompletableFuture<Void> sent : written) {
      sent.completeExceptionally(reason);
    }
    written.clear();
    batch.truncate(0);
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
