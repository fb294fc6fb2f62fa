package dev.conduit.transport.websocket.internal;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.protocol.transport.TransportContext;
import dev.conduit.transport.http.client.internal.Inbox;
import dev.conduit.transport.websocket.WebSocketOptions;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCode;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server end of one MCP WebSocket: a {@link McpTransport} over a Jakarta {@link Session}.
 *
 * <p>Text arrives in pieces ({@link MessageHandler.Partial}) so that a message over the limit is counted and
 * discarded, never buffered whole, and the container never closes the session over it; {@link Incoming} answers what
 * is not a message. What arrives reaches the engine through an {@link Inbox}: in order, on the container's thread,
 * and the end exactly once after it. Sends go through a bounded {@link Outbox}; pings through a {@link KeepAlive}.
 */
public final class WebSocketConnection implements McpTransport {

  private static final Logger log = LoggerFactory.getLogger(WebSocketConnection.class);

  // How long an orderly close waits for queued messages to reach a slow peer before closing regardless.
  private static final long DRAIN_MILLIS = 5_000;

  private final Session session;
  private final WebSocketOptions options;
  private final TransportContext context;
  private final BooleanSupplier serverClosed;
  private final String name;
  private final Inbox inbox = new Inbox();
  private final Outbox outbox;
  private final KeepAlive keepAlive;
  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicBoolean sessionClosed = new AtomicBoolean();

  /**
   * @param context what the handshake told about the connection
   * @param serverClosed whether the MCP server has shut down, which makes a close say "going away"
   */
  public WebSocketConnection(
      Session session, WebSocketOptions options, TransportContext context, BooleanSupplier serverClosed) {
    this.session = session;
    this.options = options;
    this.context = context;
    this.serverClosed = serverClosed;
    this.name = "WebSocket " + session.getId();
    this.outbox = new Outbox(session.getAsyncRemote()::sendText, options.maxQueuedBytes(), this::overflowed);
    this.keepAlive = new KeepAlive(session.getAsyncRemote()::sendPing, options.pingInterval(),
        options.pongTimeout(), this::pongMissing);
  }

  @Override
  public void start(Listener listener) {
    inbox.start(listener);
    JsonRpcCodec codec = options.codec();
    Incoming incoming = new Incoming(name, codec, options.maxMessageBytes(), new Incoming.Sink() {
      @Override
      public void message(JsonRpcMessage message) {
        inbox.deliver(message, context);
      }

      @Override
      public void answer(JsonRpcError error) {
        outbox.send(codec.encodeToString(error));
      }
    });
    session.setMaxIdleTimeout(options.idleTimeout().toMillis());
    session.addMessageHandler(String.class, (MessageHandler.Partial<String>) incoming::text);
    session.addMessageHandler(ByteBuffer.class,
        (MessageHandler.Partial<ByteBuffer>) (piece, last) -> incoming.binary(piece.remaining(), last));
    session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> keepAlive.pong());
    keepAlive.start();
  }

  @Override
  public CompletionStage<Void> send(JsonRpcMessage message, @Nullable RequestId relatedRequest) {
    if (ended.get()) {
      return CompletableFuture.failedFuture(new McpConnectionClosedException("The WebSocket is closed", null));
    }
    return outbox.send(options.codec().encodeToString(message));
  }

  /** Sends what is queued, then closes with 1000, or 1001 if the MCP server is shutting down. */
  @Override
  public void close() {
    if (!end(null)) {
      return;
    }
    CloseReason reason = serverClosed.getAsBoolean()
        ? new CloseReason(CloseCodes.GOING_AWAY, "The server is shutting down")
        : new CloseReason(CloseCodes.NORMAL_CLOSURE, "");
    ScheduledFuture<?> deadline = WebSocketThreads.TIMER.schedule(() -> {
      outbox.abort();
      closeSession(reason);
    }, DRAIN_MILLIS, TimeUnit.MILLISECONDS);
    outbox.finish(() -> {
      deadline.cancel(false);
      closeSession(reason);
    });
  }

  /**
   * Refuses the connection before anything was exchanged: closes it with {@code code}, on the calling thread, which
   * must be the container's, in {@code onOpen}.
   */
  public void refuse(CloseCode code, String reason) {
    log.debug("{}: refused: {}", name, reason);
    end(null);
    outbox.abort();
    sessionClosed.set(true);
    try {
      session.close(new CloseReason(code, reason));
    } catch (IOException | RuntimeException e) {
      log.debug("{}: closing failed: {}", name, e.toString());
    }
  }

  /** The container reports the session closed: by the peer, by the container, or after our own close. */
  public void closed(CloseReason reason) {
    int code = reason.getCloseCode().getCode();
    boolean orderly = code == CloseCodes.NORMAL_CLOSURE.getCode() || code == CloseCodes.GOING_AWAY.getCode();
    IOException cause = orderly ? null
        : new IOException("The WebSocket closed with " + code + " " + reason.getReasonPhrase());
    if (end(cause)) {
      outbox.abort();
    }
  }

  /** The container reports an error; it closes the session (and says so) when the error was fatal. */
  public void failed(Throwable error) {
    log.debug("{}: {}", name, error.toString());
    if (!session.isOpen() && end(error)) {
      outbox.abort();
    }
  }

  private void overflowed() {
    log.warn("{}: closing: more than {} bytes are queued for a peer that does not read", name,
        options.maxQueuedBytes());
    abandon(CloseCodes.VIOLATED_POLICY, "Too many messages unread",
        new IOException("More than " + options.maxQueuedBytes() + " bytes were queued for a peer that does not read"));
  }

  private void pongMissing() {
    log.info("{}: closing: no pong within {}", name, options.pongTimeout());
    abandon(CloseCodes.UNEXPECTED_CONDITION, "No pong",
        new IOException("The peer answered no ping within " + options.pongTimeout().toMillis() + " ms"));
  }

  /** Ends the connection at once, dropping what is queued. */
  private void abandon(CloseCode code, String reason, @Nullable IOException cause) {
    if (end(cause)) {
      outbox.abort();
    }
    closeSession(new CloseReason(code, reason));
  }

  /** Marks the end and tells the engine, the first time only; returns whether this call was the first. */
  private boolean end(@Nullable Throwable cause) {
    if (!ended.compareAndSet(false, true)) {
      return false;
    }
    keepAlive.stop();
    inbox.close(cause);
    return true;
  }

  private void closeSession(CloseReason reason) {
    if (!sessionClosed.compareAndSet(false, true)) {
      return;
    }
    Runnable close = () -> {
      try {
        session.close(reason);
      } catch (IOException | RuntimeException e) {
        log.debug("{}: closing failed: {}", name, e.toString());
      }
    };
    try {
      // Some containers write the close frame before returning: never on the engine's or the timer's thread.
      WebSocketThreads.IO.execute(close);
    } catch (RejectedExecutionException e) {
      close.run();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
