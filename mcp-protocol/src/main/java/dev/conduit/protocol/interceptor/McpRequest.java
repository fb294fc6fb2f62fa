package dev.conduit.protocol.interceptor;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request as interceptors see it: its method and parameters, who sent it, and attributes that interceptors pass
 * along to each other and to the handler.
 *
 * <p>Immutable; the {@code with...} methods return changed copies for {@link McpInterceptor.Chain#proceed}.
 */
public final class McpRequest {

  /** Which side of a connection an interceptor runs on. */
  public enum Side {
    /** A client's outgoing request. */
    CLIENT,
    /** A server's incoming request. */
    SERVER
  }

  private final Side side;
  private final @Nullable RequestId id;
  private final String method;
  private final @Nullable JsonPayload params;
  private final SessionInfo session;
  private final @Nullable Duration timeout;
  private final Map<String, Object> attributes;

  private McpRequest(
      Side side,
      @Nullable RequestId id,
      String method,
      @Nullable JsonPayload params,
      SessionInfo session,
      @Nullable Duration timeout,
      Map<String, Object> attributes) {
    this.side = side;
    this.id = id;
    this.method = Objects.requireNonNull(method, "method");
    this.params = params;
    this.session = Objects.requireNonNull(session, "session");
    this.timeout = timeout;
    this.attributes = attributes;
  }

  /** A request a client is about to send; it gets its id when it goes on the wire. */
  public static McpRequest outgoing(
      String method, @Nullable JsonPayload params, SessionInfo session, @Nullable Duration timeout) {
    return new McpRequest(Side.CLIENT, null, method, params, session, timeout, Map.of());
  }

  /** A request a server received. */
  public static McpRequest incoming(
      RequestId id, String method, @Nullable JsonPayload params, SessionInfo session) {
    return new McpRequest(Side.SERVER, id, method, params, session, null, Map.of());
  }

  /** Whether this is a client's outgoing or a server's incoming request. */
  public Side side() {
    return side;
  }

  /** The JSON-RPC id of an incoming request; {@code null} for an outgoing one. */
  public @Nullable RequestId id() {
    return id;
  }

  /** The method, such as {@code tools/call}. */
  public String method() {
    return method;
  }

  /** The parameters as they are (raw until someone binds them), or {@code null}. */
  public @Nullable JsonPayload params() {
    return params;
  }

  /**
   * The parameters bound to {@code type}.
   *
   * @throws McpException with code -32602 if they are missing or do not fit
   */
  public <T> T params(Class<T> type) {
    if (params == null) {
      throw McpException.invalidParams("Invalid params: missing");
    }
    try {
      return params.as(type);
    } catch (IllegalArgumentException e) {
      throw new McpException(-32602, "Invalid params: " + e.getMessage(), null, e);
    }
  }

  /**
   * What the request acts on, read without binding the rest: the {@code name} of a {@code tools/call} or {@code
   * prompts/get}, the {@code uri} of a {@code resources/read}; {@code null} for other requests.
   */
  public @Nullable String target() {
    if (params == null) {
      return null;
    }
    String name = params.memberText("name");
    return name != null ? name : params.memberText("uri");
  }

  /** The connection this request travels on, and who is at either end. */
  public SessionInfo session() {
    return session;
  }

  /** How long an outgoing request may wait for its response; {@code null} for the client's default. */
  public @Nullable Duration timeout() {
    return timeout;
  }

  /** An attribute set by an interceptor (or a transport, on the server side), or {@code null}. */
  public @Nullable Object attribute(String name) {
    Object value = attributes.get(name);
    return value != null ? value : session.transport().attribute(name);
  }

  /** The attributes interceptors set on this request. */
  public Map<String, Object> attributes() {
    return attributes;
  }

  /** A copy with other parameters: a record, a {@link com.fasterxml.jackson.databind.JsonNode}, or a payload. */
  public McpRequest withParams(@Nullable Object params) {
    JsonPayload payload = params == null ? null : JsonPayload.of(params);
    return new McpRequest(side, id, method, payload, session, timeout, attributes);
  }

  /** A copy that waits at most {@code timeout} for its response (outgoing requests). */
  public McpRequest withTimeout(@Nullable Duration timeout) {
    return new McpRequest(side, id, method, params, session, timeout, attributes);
  }

  /** A copy carrying an attribute, which handlers read from their context. */
  public McpRequest withAttribute(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(attributes);
    copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new McpRequest(side, id, method, params, session, timeout, Collections.unmodifiableMap(copy));
  }

  @Override
  public String toString() {
    return side + " " + method + (id == null ? "" : " " + id);
  }
}
