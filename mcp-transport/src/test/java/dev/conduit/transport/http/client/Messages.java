package dev.conduit.transport.http.client;

import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.jsonrpc.JsonRpcRequest;
import dev.conduit.protocol.jsonrpc.RequestId;

/** JSON-RPC messages for tests. */
final class Messages {

  static final String MODERN_META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}";

  private Messages() {}

  static JsonRpcRequest request(long id, String method, String params) {
    return new JsonRpcRequest(RequestId.of(id), method, JsonPayload.ofJson(params));
  }

  static JsonRpcRequest initialize(long id) {
    return request(id, "initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
        + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}");
  }

  static JsonRpcNotification notification(String method) {
    return new JsonRpcNotification(method, null);
  }
}
