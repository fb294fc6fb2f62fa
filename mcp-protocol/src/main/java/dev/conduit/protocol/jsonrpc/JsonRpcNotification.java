package dev.conduit.protocol.jsonrpc;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A notification: a one-way message with no id, never answered.
 *
 * @param method the method name, such as {@code notifications/progress}
 * @param params the parameters, or {@code null} when the message has none
 */
public record JsonRpcNotification(String method, @Nullable JsonPayload params) implements JsonRpcMessage {

  public JsonRpcNotification {
    Objects.requireNonNull(method, "method");
  }
}
