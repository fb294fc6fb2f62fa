package dev.conduit.protocol.jsonrpc;

import java.util.Objects;

/**
 * A successful response.
 *
 * @param id the id of the request answered
 * @param result the result value
 */
public record JsonRpcResult(RequestId id, JsonPayload result) implements JsonRpcResponse {

  public JsonRpcResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(result, "result");
  }

  /** The same result answering another id, carried over without re-serialisation. */
  public JsonRpcResult withId(RequestId newId) {
    return new JsonRpcResult(newId, result);
  }
}
