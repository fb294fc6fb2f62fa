package dev.conduit.protocol.jsonrpc;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A failed response.
 *
 * @param id the id of the request answered, or {@code null} when that id could not be read
 * @param error what went wrong
 */
public record JsonRpcError(@Nullable RequestId id, ErrorObject error) implements JsonRpcResponse {

  public JsonRpcError {
    Objects.requireNonNull(error, "error");
  }

  /** An error response with a code and a message, and no data. */
  public static JsonRpcError of(@Nullable RequestId id, int code, String message) {
    return new JsonRpcError(id, new ErrorObject(code, message, null));
  }

  /** The same error answering another id. */
  public JsonRpcError withId(@Nullable RequestId newId) {
    return new JsonRpcError(newId, error);
  }
}
