package dev.conduit.protocol.jsonrpc;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request: expects exactly one {@link JsonRpcResponse} with the same id.
 *
 * @param id the request id, unique among the sender's requests in flight
 * @param method the method name, such as {@code tools/call}
 * @param params the parameters, or {@code null} when the message has none
 */
public record JsonRpcRequest(RequestId id, String method, @Nullable JsonPayload params) implements JsonRpcMessage {

  public JsonRpcRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(method, "method");
  }

  /** The same request under another id; the parameters are carried over as they are, never re-serialised. */
  public JsonRpcRequest withId(RequestId newId) {
    return new JsonRpcRequest(newId, method, params);
  }
}
