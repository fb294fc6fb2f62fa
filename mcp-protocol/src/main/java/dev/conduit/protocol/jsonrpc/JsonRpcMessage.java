package dev.conduit.protocol.jsonrpc;

/**
 * A JSON-RPC 2.0 message: a {@link JsonRpcRequest}, a {@link JsonRpcNotification}, or a {@link JsonRpcResponse}
 * (a {@link JsonRpcResult} or a {@link JsonRpcError}).
 */
public sealed interface JsonRpcMessage permits JsonRpcRequest, JsonRpcNotification, JsonRpcResponse {}
