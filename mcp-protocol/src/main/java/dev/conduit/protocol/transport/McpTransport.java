package dev.conduit.protocol.transport;

import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * One logical connection that carries JSON-RPC messages: a stdio pipe, an HTTP session, a single stateless HTTP
 * exchange, a WebSocket.
 *
 * <p>A transport frames and moves messages; it does not interpret them. Session state, eras, cancellation, progress
 * and timeouts live above it, in the session engine that every transport shares. A transport answers bytes it cannot
 * decode itself (with the error {@link dev.conduit.protocol.jsonrpc.JsonRpcCodec} yields), because only it knows how
 * the error travels (a stdio line, an HTTP 400).
 *
 * <p>Implementations must be thread-safe: {@link #send} may be called from many threads at once, and messages sent
 * from one thread must go out in the order they were sent.
 */
public interface McpTransport extends AutoCloseable {

  /**
   * Starts the connection and delivers every inbound message to {@code listener}, in arrival order. Called once.
   * The listener must not block the calling thread for long.
   */
  void start(Listener listener);

  /**
   * Sends a message.
   *
   * @param message the message
   * @param relatedRequest the inbound request this message belongs to (a progress or log notification, a
   *     server-to-client request made while handling it), so that a transport with one stream per request (Streamable
   *     HTTP) can send it there; {@code null} for messages that belong to no request
   * @return completes when the message has been handed to the wire, or fails if it could not be
   */
  CompletionStage<Void> send(JsonRpcMessage message, @Nullable RequestId relatedRequest);

  /**
   * Whether this transport delivers each inbound request on a worker thread that may go on to run the request's
   * handler (a thread serving one HTTP exchange, say), rather than on a reader loop that must get back to reading. The
   * engine then runs the handler right there instead of handing it to another thread. {@code false} by default.
   */
  default boolean deliversRequestsOnWorkerThreads() {
    return false;
  }

  /**
   * The transport's own id of the connection, if it has one (the {@code Mcp-Session-Id} of a Streamable HTTP
   * session); the server uses it as the id of the session it serves over this transport. {@code null} by default.
   */
  default @Nullable String sessionId() {
    return null;
  }

  /**
   * The server this transport reaches, named so that the name stays the same across connections (an HTTP
   * transport's URL): a client remembers by it which era the server speaks ({@link
   * dev.conduit.protocol.client.EraCache}). {@code null} by default: a transport that starts its server (stdio) has
   * no such name.
   */
  default @Nullable String endpoint() {
    return null;
  }

  /** Closes the connection; idempotent. The listener's {@link Listener#onClose} is called once. */
  @Override
  void close();

  /** Receives what arrives on a transport. */
  interface Listener {

    /**
     * A message arrived.
     *
     * @param message the decoded message
     * @param context what the transport knows about how it arrived (HTTP headers, for example)
     */
    void onMessage(JsonRpcMessage message, TransportContext context);

    /**
     * The connection closed: by {@link #close()}, by the peer (end of stream), or by a failure.
     *
     * @param cause the failure, or {@code null} for an orderly close
     */
    void onClose(@Nullable Throwable cause);
  }
}
