package dev.conduit.protocol.transport;

import dev.conduit.protocol.jsonrpc.RequestId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a transport knows about how a message arrived: the HTTP headers of its request, the session id, attributes a
 * transport or a front door (an authentication filter, say) attached. Handlers read it for authentication and
 * tenant routing.
 *
 * <p>Immutable. Header names are case-insensitive.
 */
public final class TransportContext {

  /**
   * The attribute under which an authenticating front door (an HTTP filter, an interceptor) puts the authenticated
   * principal's name. Modern {@code requestState} is bound to it, so that one user cannot replay another's.
   */
  public static final String PRINCIPAL = "dev.conduit.principal";

  private static final TransportContext EMPTY = new TransportContext(Map.of(), null, Map.of(), null, false);
  private static final TransportContext LOCAL_FAILURE = new TransportContext(Map.of(), null, Map.of(), null, true);

  private final Map<String, List<String>> headers;
  private final @Nullable String sessionId;
  private final Map<String, Object> attributes;
  private final @Nullable RequestId relatedRequest;
  private final boolean localFailure;

  private TransportContext(
      Map<String, List<String>> headers, @Nullable String sessionId, Map<String, Object> attributes,
      @Nullable RequestId relatedRequest, boolean localFailure) {
    this.headers = headers;
    this.sessionId = sessionId;
    this.attributes = attributes;
    this.relatedRequest = relatedRequest;
    this.localFailure = localFailure;
  }

  /** A context that knows nothing, as for stdio. */
  public static TransportContext empty() {
    return EMPTY;
  }

  /**
   * The context of an error response the transport made up itself, because the peer could not answer the request (an
   * HTTP error status without a JSON-RPC error in its body, a stream that ended early). The engine fails the call with
   * an {@link dev.conduit.protocol.McpTransportException}, whose message stays on this side of the connection.
   */
  public static TransportContext localFailure() {
    return LOCAL_FAILURE;
  }

  /** A context for a message that arrived with {@code headers} (names compared without regard to case). */
  public static TransportContext ofHeaders(Map<String, List<String>> headers) {
    return EMPTY.withHeaders(headers);
  }

  /** A copy holding {@code headers}. */
  public TransportContext withHeaders(Map<String, List<String>> headers) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return new TransportContext(Collections.unmodifiableMap(copy), sessionId, attributes, relatedRequest, localFailure);
  }

  /** A copy that names the transport session. */
  public TransportContext withSessionId(@Nullable String sessionId) {
    return new TransportContext(headers, sessionId, attributes, relatedRequest, localFailure);
  }

  /**
   * A copy saying which of the receiver's own requests the message belongs to: a message that arrived on the
   * response stream of that request (Streamable HTTP), so that a client can tell which of its calls a server's
   * request or notification was made for.
   */
  public TransportContext withRelatedRequest(@Nullable RequestId request) {
    return new TransportContext(headers, sessionId, attributes, request, localFailure);
  }

  /** A copy with an attribute set. */
  public TransportContext withAttribute(String name, Object value) {
    TreeMap<String, Object> copy = new TreeMap<>(attributes);
    copy.put(name, value);
    return new TransportContext(headers, sessionId, Collections.unmodifiableMap(copy), relatedRequest, localFailure);
  }

  /** Every header, by name (case-insensitive). */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of header {@code name}, or {@code null}. */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The transport's session id ({@code Mcp-Session-Id} on HTTP), or {@code null}. */
  public @Nullable String sessionId() {
    return sessionId;
  }

  /** The receiver's own request this message belongs to, if the transport knows; see {@link #withRelatedRequest}. */
  public @Nullable RequestId relatedRequest() {
    return relatedRequest;
  }

  /** Whether the transport made this error response up itself; see {@link #localFailure()}. */
  public boolean isLocalFailure() {
    return localFailure;
  }

  /** An attribute set by the transport or a front door, or {@code null}. */
  public @Nullable Object attribute(String name) {
    return attributes.get(name);
  }

  /** Every attribute. */
  public Map<String, Object> attributes() {
    return attributes;
  }

  @Override
  public String toString() {
    // Header values may be credentials; only their names are printed.
    return "TransportContext{headers=" + headers.keySet() + ", sessionId=" + sessionId + ", attributes="
        + attributes.keySet() + "}";
  }
}
