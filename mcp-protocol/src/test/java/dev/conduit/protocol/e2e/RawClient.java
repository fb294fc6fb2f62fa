package dev.conduit.protocol.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.jsonrpc.JsonRpcRequest;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import dev.conduit.protocol.jsonrpc.JsonRpcResult;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import dev.conduit.protocol.transport.TransportContext;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A client that speaks bare JSON-RPC, for what {@code McpClient} would not send: requests without {@code initialize},
 * hand-made {@code _meta}, tampered {@code requestState}. Answers are the response's {@code result}, or its {@code
 * error} object wrapped as {@code {"error": ...}}.
 */
final class RawClient implements AutoCloseable {

  private final InMemoryTransport transport;
  private final Map<RequestId, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  private RawClient(InMemoryTransport transport) {
    this.transport = transport;
  }

  /** A raw client on a new ordinary connection to {@code server}. */
  static RawClient connect(McpServer server) {
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    server.connect(pair.server());
    return start(pair.client());
  }

  /** A raw client on the client end of a pair whose server end is already being served. */
  static RawClient start(InMemoryTransport clientEnd) {
    RawClient client = new RawClient(clientEnd);
    clientEnd.start(new InMemoryTransport.Listener() {
      @Override
      public void onMessage(JsonRpcMessage message, TransportContext context) {
        if (message instanceof JsonRpcResponse response && response.id() != null) {
          CompletableFuture<JsonNode> call = client.pending.remove(response.id());
          if (call != null) {
            call.complete(
                response instanceof JsonRpcResult result ? result.result().tree() : error((JsonRpcError) response));
          }
        }
      }

      @Override
      public void onClose(@Nullable Throwable cause) {
        client.pending.values().forEach(call -> call.completeExceptionally(new IllegalStateException("closed")));
      }
    });
    return client;
  }

  private static JsonNode error(JsonRpcError response) {
    ObjectNode error = E2e.object();
    error.putObject("error")
        .put("code", response.error().code())
        .put("message", response.error().message())
        .set("data", response.error().data() == null ? null : response.error().data().tree());
    return error;
  }

  /** Sends a request and waits for its result (or {@code {"error": ...}}). */
  JsonNode request(String method, @Nullable JsonNode params) {
    return E2e.await(send(method, params).answer());
  }

  /** A request on its way: its id, and its result (or {@code {"error": ...}}) once it comes. */
  record Sent(RequestId id, CompletableFuture<JsonNode> answer) {}

  /** Sends a request without waiting for it. */
  Sent send(String method, @Nullable JsonNode params) {
    RequestId id = RequestId.of(ids.incrementAndGet());
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    transport.send(new JsonRpcRequest(id, method, params == null ? null : JsonPayload.of(params)), null);
    return new Sent(id, answer);
  }

  /** Sends a notification. */
  void notify(String method, @Nullable JsonNode params) {
    transport.send(new JsonRpcNotification(method, params == null ? null : JsonPayload.of(params)), null);
  }

  /** {@code params} with the {@code _meta} every 2026-07-28 request must carry, from a client that can do nothing. */
  static ObjectNode modern(ObjectNode params) {
    return modern(params, E2e.object());
  }

  /** {@code params} with the {@code _meta} every 2026-07-28 request must carry, declaring {@code capabilities}. */
  static ObjectNode modern(ObjectNode params, ObjectNode capabilities) {
    ObjectNode meta = params.putObject("_meta");
    meta.put(Meta.PROTOCOL_VERSION, "2026-07-28");
    meta.set(Meta.CLIENT_CAPABILITIES, capabilities);
    meta.putObject(Meta.CLIENT_INFO).put("name", "raw").put("version", "1");
    return params;
  }

  @Override
  public void close() {
    transport.close();
  }
}
