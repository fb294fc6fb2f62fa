package dev.conduit.protocol;

import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.ErrorObject;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import org.jspecify.annotations.Nullable;

/**
 * A failure that has a JSON-RPC error code.
 *
 * <p>A client call throws it when the peer answered with an error (or, through a subclass, when the call timed out
 * or the connection closed). A server handler throws it to answer with that code and message; any other exception
 * from a handler becomes {@code -32603 Internal error}, its details kept in the server's log and off the wire.
 */
public class McpException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;
  private final transient @Nullable JsonPayload data;

  /** An error with a code and a message that is safe to send to the peer. */
  public McpException(int code, String message) {
    this(code, message, null, null);
  }

  /** An error with a code, a message and a {@code data} value for the peer. */
  public McpException(int code, String message, @Nullable Object data) {
    this(code, message, data, null);
  }

  /** An error with a code, a message, a {@code data} value for the peer, and a local cause (never sent). */
  public McpException(int code, String message, @Nullable Object data, @Nullable Throwable cause) {
    super(message, cause);
    this.code = code;
    this.data = data == null ? null : JsonPayload.of(data);
  }

  /** An exception for an error a peer sent. */
  public static McpException fromError(ErrorObject error) {
    return new McpException(error.code(), error.message(), error.data(), null);
  }

  /** An invalid-params error ({@code -32602}). */
  public static McpException invalidParams(String message) {
    return new McpException(ErrorCodes.INVALID_PARAMS, message);
  }

  /** A method-not-found error ({@code -32601}). */
  public static McpException methodNotFound(String method) {
    return new McpException(ErrorCodes.METHOD_NOT_FOUND, "Method not found: " + method);
  }

  /** The JSON-RPC error code. */
  public int code() {
    return code;
  }

  /** The error's {@code data}, if any. */
  public @Nullable JsonPayload data() {
    return data;
  }

  /** The error as it goes on the wire. */
  public ErrorObject toErrorObject() {
    return new ErrorObject(code, String.valueOf(getMessage()), data);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + code + "): " + getMessage();
  }
}
