package dev.conduit.transport.stdio;

import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.transport.internal.Checks;
import dev.conduit.transport.stdio.internal.LineChannel;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP's stdio framing (one UTF-8 JSON-RPC message per {@code \n}-terminated line) over any pair of byte streams: a
 * process's stdin and stdout, a socket, a pipe in a test. Either end of a connection may use it.
 *
 * <pre>{@code
 * ServerSession session = server.connect(StdioTransport.of(socket.getInputStream(), socket.getOutputStream()));
 * }</pre>
 *
 * <p>Lines may end in {@code \r\n}; blank lines are skipped. A line that is not a valid message is answered with the
 * codec's error ({@code -32700} for bad JSON) and the connection goes on; a line longer than {@link
 * Builder#maxLineBytes} is skipped without being buffered and answered with {@code -32600}. Messages go out in order:
 * one writer thread per connection writes queued messages and flushes when the queue runs dry. On a file descriptor's
 * stream (a process's stdout, say) a sender that finds the pipe idle writes its message itself, sparing a thread
 * hand-off, and waits if the peer stops reading; on other streams {@link #send} never blocks.
 *
 * <p>When the input ends, requests still being handled get up to {@link Builder#drainTimeout} to be answered, queued
 * messages are written, and the listener is told of an orderly close. The transport owns both streams and closes
 * them when the connection ends.
 */
public final class StdioTransport implements McpTransport {

  private static final Logger log = LoggerFactory.getLogger(StdioTransport.class);

  private final String name;
  private final LineChannel channel;
  private final Duration drainTimeout;
  private final Duration closeTimeout;
  private final AtomicBoolean closing = new AtomicBoolean();

  private StdioTransport(Builder builder) {
    this.name = builder.name;
    this.drainTimeout = builder.drainTimeout;
    this.closeTimeout = builder.closeTimeout;
    int maxLineBytes = builder.maxLineBytes > 0 ? builder.maxLineBytes : builder.codec.maxMessageBytes();
    // Only a file descriptor's stream is known to survive a sender's interrupt (a handler's, on cancellation).
    boolean writeOnSenderThreads = builder.out instanceof FileOutputStream;
    this.channel =
        new LineChannel(name, builder.in, builder.out, builder.codec, maxLineBytes, new Ends(), writeOnSenderThreads);
  }

  /** A transport over {@code in} and {@code out} with the default settings. */
  public static StdioTransport of(InputStream in, OutputStream out) {
    return builder(in, out).build();
  }

  /** Configures a transport over {@code in} (messages arrive) and {@code out} (messages leave). */
  public static Builder builder(InputStream in, OutputStream out) {
    return new Builder(in, out);
  }

  @Override
  public void start(Listener listener) {
    channel.start(listener);
  }

  @Override
  public CompletionStage<Void> send(JsonRpcMessage message, @Nullable RequestId relatedRequest) {
    return channel.send(message);
  }

  /** Writes what is queued (waiting up to the close timeout), closes both streams and tells the listener. */
  @Override
  public void close() {
    if (closing.compareAndSet(false, true)) {
      shutDown(null);
    }
  }

  private void shutDown(@Nullable Throwable cause) {
    channel.finishOutput();
    try {
      if (!channel.awaitOutput(closeTimeout)) {
        log.warn("{}: the peer did not take the last messages within {}", name, closeTimeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    channel.closeInput();
    channel.reportClosed(cause);
  }

  @Override
  public String toString() {
    return name;
  }

  private final class Ends implements LineChannel.Owner {

    @Override
    public void inputEnded(@Nullable IOException failure) {
      if (closing.get()) {
        return;
      }
      if (failure == null) {
        try {
          if (!channel.awaitAnswers(drainTimeout)) {
            log.debug("{}: input ended; closing with requests still unanswered after {}", name, drainTimeout);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } else {
        log.debug("{}: reading failed", name, failure);
      }
      if (closing.compareAndSet(false, true)) {
        shutDown(failure);
      }
    }

    @Override
    public void outputFailed(IOException failure) {
      if (closing.compareAndSet(false, true)) {
        log.debug("{}: writing failed", name, failure);
        channel.closeInput();
        channel.reportClosed(failure);
      }
    }
  }

  /** Configures a {@link StdioTransport}. */
  public static final class Builder {
    private final InputStream in;
    private final OutputStream out;
    private JsonRpcCodec codec = JsonRpcCodec.standard();
    private int maxLineBytes;
    private String name = "conduit-stdio";
    private Duration drainTimeout = Duration.ofSeconds(2);
    private Duration closeTimeout = Duration.ofSeconds(5);

    private Builder(InputStream in, OutputStream out) {
      this.in = Objects.requireNonNull(in, "in");
      this.out = Objects.requireNonNull(out, "out");
    }

    /** The codec for both directions; its limits apply to what arrives. */
    public Builder codec(JsonRpcCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /** The longest line accepted, in bytes, without its terminator; default: the codec's largest message. */
    public Builder maxLineBytes(int bytes) {
      this.maxLineBytes = Checks.positive(bytes, "maxLineBytes");
      return this;
    }

    /** Names the connection in logs and thread names ({@code name-reader}, {@code name-writer}). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** How long requests in progress at the end of the input may take to be answered (default 2 seconds). */
    public Builder drainTimeout(Duration timeout) {
      this.drainTimeout = Checks.nonNegative(timeout, "drainTimeout");
      return this;
    }

    /** How long closing waits for queued messages to be written (default 5 seconds). */
    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = Checks.nonNegative(timeout, "closeTimeout");
      return this;
    }

    public StdioTransport build() {
      return new StdioTransport(this);
    }
  }
}
