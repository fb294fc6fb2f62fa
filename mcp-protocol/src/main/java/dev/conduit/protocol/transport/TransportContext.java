package dev.conduit.protocol.transport;

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

  private static final TransportContext EMPTY = new TransportContext(Map.of(), null, Map.of());

  private final Map<String, List<String>> headers;
  private final @Nullable String sessionId;
  private final Map<String, Object> attributes;

  private TransportContext(
      Map<String, List<String>> headers, @Nullable String sessionId, Map<String, Object> attributes) {
    this.headers = headers;
    this.sessionId = sessionId;
    this.attributes = attributes;
  }

  /** A context that knows nothing, as for stdio. */
  public static TransportContext empty() {
    return EMPTY;
  }

  /** A context for a message that arrived with {@code headers} (names compared without regard to case). */
  public static TransportContext ofHeaders(Map<String, List<String>> headers) {
    return EMPTY.withHeaders(headers);
  }

  /** A copy holding {@code headers}. */
  public TransportContext withHeaders(Map<String, List<String>> headers) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return new TransportContext(Collections.unmodifiableMap(copy), sessionId, attributes);
  }

  /** A copy that names the transport session. */
  public TransportContext withSessionId(@Nullable String sessionId) {
    return new TransportContext(headers, sessionId, attributes);
  }

  /** A copy with an attribute set. */
  public TransportContext withAttribute(String name, Object value) {
    TreeMap<String, Object> copy = new TreeMap<>(attributes);
    copy.put(name, value);
    return new TransportContext(headers, sessionId, Collections.unmodifiableMap(copy));
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
