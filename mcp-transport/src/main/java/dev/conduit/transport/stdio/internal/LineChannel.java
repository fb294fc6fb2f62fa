package dev.conduit.transport.stdio.internal;

import dev.conduit.protocol.jsonrpc.DecodeResult;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.protocol.transport.TransportContext;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Newline-delimited JSON-RPC over a pair of byte streams: a reader thread that splits and decodes lines and answers
 * the undecodable ones, and a {@link FrameWriter}. What the end of either stream means is for its owner to decide (a
 * server's stdin reaching EOF is an orderly close, a child process's stdout reaching EOF means the child died), so
 * the channel only reports it; the owner calls {@link #reportClosed} exactly when it has decided.
 */
public final class LineChannel {

  /** The owner's side of the channel's ends. */
  public interface Owner {

    /** The input ended (on the reader thread): {@code failure} is null at end of stream. */
    void inputEnded(@Nullable IOException failure);

    /** Writing failed (on the writer thread); nothing more can be sent. */
    void outputFailed(IOException failure);
  }

  private static final Logger log = LoggerFactory.getLogger(LineChannel.class);

  private final String name;
  private final InputStream in;
  private final OutputStream out;
  private final JsonRpcCodec codec;
  private final int maxLineBytes;
  private final Owner owner;
  private final FrameWriter writer;
  private final boolean writeOnSenderThreads;
  private volatile @Nullable Thread reader;
  private final Unanswered unanswered = new Unanswered();
  private final CountDownLatch inputDone = new CountDownLatch(1);
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closeReported = new AtomicBoolean();
  private volatile McpTransport.@Nullable Listener listener;

  /**
   * @param name the prefix of the thread names, such as {@code conduit-stdio}
   * @param in where messages arrive
   * @param out where messages go
   * @param codec decodes and encodes messages
   * @param maxLineBytes the longest line accepted; a longer one is skipped and answered with an error
   * @param owner decides what the end of a stream means
   * @param writeOnSenderThreads whether a sender may write to {@code out} itself when nothing is queued; only for
   *     streams whose writes an interrupt cannot break (a file descriptor or a process pipe, not an NIO channel's
   *     stream, which an interrupted writer closes)
   */
  public LineChannel(
      String name,
      InputStream in,
      OutputStream out,
      JsonRpcCodec codec,
      int maxLineBytes,
      Owner owner,
      boolean writeOnSenderThreads) {
    this.name = name;
    this.in = in;
    this.out = out;
    this.codec = codec;
    this.maxLineBytes = maxLineBytes;
    this.owner = owner;
    this.writer = new FrameWriter(codec, out, owner::outputFailed);
    this.writeOnSenderThreads = writeOnSenderThreads;
  }

  /** Starts the reader and writer threads; messages go to {@code listener}. */
  public void start(McpTransport.Listener listener) {
    Objects.requireNonNull(listener, "listener");
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException(name + " already started");
    }
    this.listener = listener;
    writer.start(name + "-writer");
    reader = DaemonThreads.start(name + "-reader", this::read);
  }

  /**
   * Sends a message: written at once from the calling thread when the pipe is idle, otherwise queued. The reader thread
   * never waits for the pipe: its peer may be waiting for it to read.
   */
  public CompletableFuture<Void> send(JsonRpcMessage message) {
    boolean mayBlock = writeOnSenderThreads && Thread.currentThread() != reader;
    CompletableFuture<Void> sent = writer.send(message, mayBlock);
    // Only once the answer is queued: whoever waits for the answers closes the queue next.
    unanswered.sent(message);
    return sent;
  }

  /** Stops accepting messages; those queued are written, then the output is closed. */
  public void finishOutput() {
    writer.finish();
    if (!started.get()) {
      closeQuietly(out);
    }
  }

  /**
   * Waits until the output is written and closed, unless called on the writer thread itself.
   *
   * @return {@code false} if the writer was still busy after {@code timeout} (the peer is not reading)
   */
  public boolean awaitOutput(Duration timeout) throws InterruptedException {
    return !started.get() || writer.isWriterThread() || writer.awaitStopped(timeout);
  }

  /** Waits until the peer's requests have been answered; {@code false} if some are still open after the timeout. */
  public boolean awaitAnswers(Duration timeout) throws InterruptedException {
    return unanswered.awaitNone(timeout);
  }

  /** Waits until the reader thread has seen the end of the input; {@code false} if it has not after the timeout. */
  public boolean awaitInputEnd(Duration timeout) throws InterruptedException {
    return inputDone.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Closes the input stream, which unblocks the reader where the stream supports it (sockets, NIO pipes). */
  public void closeInput() {
    closeQuietly(in);
  }

  /**
   * Tells the listener that the connection closed, the first time only.
   *
   * @return whether this call was the one that told it
   */
  public boolean reportClosed(@Nullable Throwable cause) {
    McpTransport.Listener current = listener;
    if (current == null || !closeReported.compareAndSet(false, true)) {
      return false;
    }
    try {
      current.onClose(cause);
    } catch (RuntimeException e) {
      log.warn("{}: the listener failed on close", name, e);
    }
    return true;
  }

  private void read() {
    IOException failure = null;
    try {
      new LineSplitter(in, maxLineBytes).run(new Sink());
    } catch (IOException e) {
      failure = e;
    } catch (RuntimeException | Error e) {
      // Without its reader the connection is dead; it must still be reported closed.
      log.error("{}: the reader failed", name, e);
      failure = new IOException("The reader failed: " + e, e);
    } finally {
      inputDone.countDown();
    }
    owner.inputEnded(failure);
  }

  private void deliver(JsonRpcMessage message) {
    McpTransport.Listener current = Objects.requireNonNull(listener);
    try {
      current.onMessage(message, TransportContext.empty());
    } catch (RuntimeException e) {
      // One bad message must not end the connection.
      log.warn("{}: the listener failed on a message", name, e);
    }
  }

  private void answer(JsonRpcError error) {
    // Straight to the writer: this answers no request the peer is counting on, so it must not count as one.
    writer.send(error, false).whenComplete((sent, failure) -> {
      if (failure != null) {
        log.debug("{}: could not answer an undecodable line", name, failure);
      }
    });
  }

  static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      log.debug("Closing {} failed", closeable, e);
    }
  }

  private final class Sink implements LineSplitter.Sink {

    @Override
    public void line(byte[] buffer, int offset, int length) {
      // A fresh array per message: decoded payloads keep a reference to it.
      byte[] bytes = Arrays.copyOfRange(buffer, offset, offset + length);
      DecodeResult decoded = codec.decode(bytes);
      if (decoded instanceof DecodeResult.Success success) {
        unanswered.received(success.message());
        deliver(success.message());
      } else {
        JsonRpcError error = ((DecodeResult.Failure) decoded).error();
        log.debug("{}: answering an undecodable line with {} {}", name, error.error().code(), error.error().message());
        answer(error);
      }
    }

    @Override
    public void overlong(long length) {
      log.warn("{}: skipped a line of {} bytes, over the limit of {}", name, length, maxLineBytes);
      answer(JsonRpcError.of(null, ErrorCodes.INVALID_REQUEST,
          "Invalid Request: message of " + length + " bytes exceeds the limit of " + maxLineBytes));
    }
  }
}
