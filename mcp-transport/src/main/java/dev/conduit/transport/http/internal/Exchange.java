package dev.conduit.transport.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request and its response, as the container-agnostic core sees it. A front door (the JDK HTTP server, a
 * servlet container) adapts its own exchange to this.
 *
 * <p>The response may be completed later and from any thread: the core answers a request once the MCP handler is
 * done, without holding the thread that delivered it.
 */
public interface Exchange {

  /** The request method, upper case. */
  String method();

  /** The first value of a request header (name compared without regard to case), or {@code null}. */
  @Nullable String header(String name);

  /** Every request header, by name. */
  Map<String, List<String>> headers();

  /** A query parameter, or {@code null}. */
  @Nullable String queryParameter(String name);

  /** Whether the request arrived on a loopback address of this host. */
  boolean arrivedOnLoopback();

  /**
   * Reads the whole request body.
   *
   * @throws BodyTooLargeException if it is longer than {@code limit} bytes
   * @throws IOException if the client went away
   */
  byte[] readBody(int limit) throws IOException;

  /** Sends a complete response; never throws (a client that went away is only logged). */
  void respond(int status, Map<String, String> headers, byte[] body);

  /**
   * Starts a streamed response (an SSE stream). Bytes written go out when flushed; {@link #endStream()} ends it.
   *
   * @throws IOException if the client went away
   */
  OutputStream startStream(int status, Map<String, String> headers) throws IOException;

  /** Ends a streamed response; idempotent, never throws. */
  void endStream();

  /**
   * Asks to be told when the container learns that the client went away (not every container can tell; writes that
   * fail tell in any case).
   */
  void onClientGone(Runnable callback);

  /** Thrown by {@link #readBody} for a body over the limit. */
  final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A body over {@code limit} bytes. */
    public BodyTooLargeException(int limit) {
      super("Request body larger than " + limit + " bytes");
    }
  }
}
