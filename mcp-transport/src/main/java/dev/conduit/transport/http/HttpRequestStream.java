package dev.conduit.transport.http;

import dev.conduit.protocol.server.RequestContext;
import dev.conduit.protocol.transport.TransportContext;
import java.util.Optional;

/**
 * The HTTP response stream of one POSTed request, as a handler sees it. The Streamable HTTP transports put it into
 * the {@link TransportContext} of every request they deliver, under {@link #ATTRIBUTE}.
 *
 * <p>Its use is SEP-1699 polling: a handler of a long request on a legacy (2025-03-26 to 2025-11-25) session may end
 * the HTTP response early, having announced a {@code retry} interval; the client then resumes with {@code GET} and
 * {@code Last-Event-ID} and receives the request's remaining messages and its result there.
 *
 * <pre>{@code
 * (args, ctx) -> {
 *   HttpRequestStream.of(ctx).ifPresent(HttpRequestStream::closeStream);   // the client will reconnect
 *   return CallToolResult.text(longComputation());                        // delivered on the resumed stream
 * }
 * }</pre>
 */
public interface HttpRequestStream {

  /** The attribute name under which the transport puts this handle: {@value}. */
  String ATTRIBUTE = "dev.conduit.transport.http.requestStream";

  /** The handle of the request {@code context} serves, if it arrived on a Streamable HTTP POST. */
  static Optional<HttpRequestStream> of(TransportContext context) {
    return context.attribute(ATTRIBUTE) instanceof HttpRequestStream stream ? Optional.of(stream) : Optional.empty();
  }

  /** The handle of the request a handler serves, if it arrived on a Streamable HTTP POST. */
  static Optional<HttpRequestStream> of(RequestContext context) {
    return of(context.transport());
  }

  /**
   * Whether the stream can be resumed after {@link #closeStream()}: true on legacy sessions; false for stateless and
   * 2026-07-28 requests, where closing the response ends (cancels) the request.
   */
  boolean resumable();

  /**
   * Ends the HTTP response now without ending the request: turns the answer into an SSE stream if it was not one
   * yet (a priming event with an id and the {@code retry} interval), then closes the connection. Later messages of
   * the request are kept for the client's resumption.
   *
   * @return whether the stream was closed; false if it is not {@link #resumable()} or the request was answered
   */
  boolean closeStream();
}
