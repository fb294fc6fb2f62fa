package dev.conduit.protocol.transport;

import dev.conduit.protocol.internal.SerialExecutor;
import dev.conduit.protocol.internal.Threads;
import dev.conduit.protocol.jsonrpc.DecodeResult;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * One end of an in-process connection: a client end and a server end made by {@link #pair()}.
 *
 * <p>Every message is really encoded to bytes and decoded on the other end, so what works here works on a wire; bytes
 * the receiver cannot decode are answered with the codec's error, as a real transport would. Delivery is
 * asynchronous and ordered. Meant for tests (this library's and its users') and for wiring a client to a server in
 * one JVM.
 */
public final class InMemoryTransport implements McpTransport {

  private final String name;
  private final JsonRpcCodec codec;
  private final TransportContext inboundContext;
  private final @Nullable WireTap tap;
  private final boolean clientEnd;
  private final Executor delivery = new SerialExecutor(Threads.handlers());
  private final Object lock = new Object();
  private final List<Frame> early = new ArrayList<>();
  private @Nullable InMemoryTransport peer;
  private @Nullable Listener listener;
  private boolean closed;

  private InMemoryTransport(
      String name, JsonRpcCodec codec, TransportContext inboundContext, @Nullable WireTap tap, boolean clientEnd) {
    this.name = name;
    this.codec = codec;
    this.inboundContext = inboundContext;
    this.tap = tap;
    this.clientEnd = clientEnd;
  }

  /** A connected pair with the standard codec. */
  public static Pair pair() {
    return builder().build();
  }

  /** Configures a pair. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void start(Listener listener) {
    Objects.requireNonNull(listener, "listener");
    List<Frame> queued;
    synchronized (lock) {
      if (this.listener != null) {
        throw new IllegalStateException(name + " already started");
      }
      this.listener = listener;
      queued = new ArrayList<>(early);
      early.clear();
    }
    queued.forEach(this::receive);
  }

  @Override
  public CompletionStage<Void> send(JsonRpcMessage message, @Nullable RequestId relatedRequest) {
    byte[] frame;
    try {
      frame = codec.encode(message);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return send(frame, relatedRequest);
  }

  /**
   * Sends bytes as they are, as a peer that does not speak JSON-RPC properly would. For tests of malformed input.
   *
   * @return completes when the bytes are queued; fails if the connection is closed
   */
  public CompletionStage<Void> sendRaw(byte[] frame) {
    return send(frame, null);
  }

  // The peer learns which of its requests a message belongs to, as a Streamable HTTP client does from the stream the
  // message arrives on.
  private CompletionStage<Void> send(byte[] frame, @Nullable RequestId relatedRequest) {
    InMemoryTransport target;
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException(name + " is closed"));
      }
      target = peer;
    }
    if (tap != null) {
      tap.onFrame(clientEnd, frame.clone());
    }
    Objects.requireNonNull(target).receive(new Frame(frame, relatedRequest));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void close() {
    InMemoryTransport other;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      other = peer;
    }
    delivery.execute(() -> notifyClosed(null));
    if (other != null) {
      other.close();
    }
  }

  private void receive(Frame frame) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (listener == null) {
        early.add(frame);
        return;
      }
    }
    delivery.execute(() -> deliver(frame));
  }

  /** A frame on its way, with the request of the receiver's it belongs to, if any. */
  private record Frame(byte[] bytes, @Nullable RequestId related) {}

  // Frames queued before a close are still delivered: the close notification is queued behind them.
  private void deliver(Frame frame) {
    Listener current;
    synchronized (lock) {
      current = listener;
    }
    if (current == null) {
      return;
    }
    DecodeResult decoded = codec.decode(frame.bytes());
    if (decoded instanceof DecodeResult.Success success) {
      current.onMessage(success.message(),
          frame.related() == null ? inboundContext : inboundContext.withRelatedRequest(frame.related()));
    } else {
      send(((DecodeResult.Failure) decoded).error(), null);
    }
  }

  private void notifyClosed(@Nullable Throwable cause) {
    Listener current;
    synchronized (lock) {
      current = listener;
      listener = null;
    }
    if (current != null) {
      current.onClose(cause);
    }
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * The two ends of an in-memory connection.
   *
   * @param client the end to give a client
   * @param server the end to give a server
   */
  public record Pair(InMemoryTransport client, InMemoryTransport server) {}

  /** Sees every frame that crosses a pair, for tests that inspect the wire. */
  @FunctionalInterface
  public interface WireTap {

    /**
     * A frame was sent.
     *
     * @param fromClient whether the client end sent it
     * @param frame the bytes (a copy)
     */
    void onFrame(boolean fromClient, byte[] frame);
  }

  /** Configures an in-memory pair. */
  public static final class Builder {
    private JsonRpcCodec codec = JsonRpcCodec.standard();
    private TransportContext serverContext = TransportContext.empty();
    private @Nullable WireTap tap;

    private Builder() {}

    /** The codec both ends use; its limits apply to what each end receives. */
    public Builder codec(JsonRpcCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /** The context the server end attaches to every message it receives, as HTTP headers would be. */
    public Builder serverContext(TransportContext context) {
      this.serverContext = Objects.requireNonNull(context, "context");
      return this;
    }

    /** Sees every frame in both directions. */
    public Builder wireTap(WireTap tap) {
      this.tap = tap;
      return this;
    }

    public Pair build() {
      InMemoryTransport client = new InMemoryTransport("in-memory client", codec, TransportContext.empty(), tap, true);
      InMemoryTransport server = new InMemoryTransport("in-memory server", codec, serverContext, tap, false);
      client.peer = server;
      server.peer = client;
      return new Pair(client, server);
    }
  }
}
