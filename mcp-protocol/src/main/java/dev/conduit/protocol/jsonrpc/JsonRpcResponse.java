package dev.conduit.protocol.jsonrpc;

import org.jspecify.annotations.Nullable;

/** The answer to a request: a {@link JsonRpcResult} or a {@link JsonRpcError}. */
public sealed interface JsonRpcResponse extends JsonRpcMessage permits JsonRpcResult, JsonRpcError {

  /** The id of the request answered; {@code null} only for an error about a request whose id was unreadable. */
  @Nullable RequestId id();
}
