package dev.conduit.protocol.jsonrpc;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code error} member of a JSON-RPC error response.
 *
 * @param code one of {@link ErrorCodes}, or an application code
 * @param message a short, human-readable description; never a stack trace or a class name
 * @param data optional detail, such as {@code {"supported": [...]}} for an unsupported protocol version
 */
public record ErrorObject(int code, String message, @Nullable JsonPayload data) {

  public ErrorObject {
    Objects.requireNonNull(message, "message");
  }
}
