package dev.conduit.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.jsonrpc.JsonRpcRequest;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import dev.conduit.protocol.jsonrpc.JsonRpcResult;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.ServerSession;
import dev.conduit.protocol.transport.InMemoryTransport;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.protocol.transport.TransportContext;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The client end of an in-memory pair, driven by hand: frames go out as raw bytes, and every message that comes
 * back is queued for the test to inspect. Both ends use a codec with the limits {@link
 * dev.conduit.protocol.jsonrpc.MalformedInputs} assumes.
 */
final class RawPeer implements McpTransport.Listener, AutoCloseable {

  /** The limits the malformed-input table assumes: 4096 bytes, nesting 16, ids of up to 64 characters. */
  static final JsonRpcCodec LIMITED =
      JsonRpcCodec.builder().maxMessageBytes(4096).maxNestingDepth(16).maxIdLength(64).build();

  /** How long to wait for something that must happen. Generous: a loaded machine is slow, not broken. */
  static final long WAIT_SECONDS = 10;

  private final BlockingQueue<JsonRpcMessage> inbox = new LinkedBlockingQueue<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final InMemoryTransport end;
  private final @Nullable ServerSession session;

  private RawPeer(InMemoryTransport end, @Nullable ServerSession session) {
    this.end = end;
    this.session = session;
  }

  /** Connects a raw client end to {@code server}. */
  static RawPeer connect(McpServer server) {
    InMemoryTransport.Pair pair = InMemoryTransport.builder().codec(LIMITED).build();
    ServerSession session = server.connect(pair.server());
    RawPeer peer = new RawPeer(pair.client(), session);
    pair.client().start(peer);
    return peer;
  }

  /** Starts a raw end of a pair whose other end the caller wires up. */
  static RawPeer on(InMemoryTransport end) {
    RawPeer peer = new RawPeer(end, null);
    end.start(peer);
    return peer;
  }

  @Override
  public void onMessage(JsonRpcMessage message, TransportContext context) {
    inbox.add(message);
  }

  @Override
  public void onClose(@Nullable Throwable cause) {
    closed.countDown();
  }

  /** Sends {@code text} as it is. */
  void send(String text) {
    end.sendRaw(text.getBytes(StandardCharsets.UTF_8)).toCompletableFuture().join();
  }

  /** Sends a request with id {@code id} (JSON text: {@code 1} or {@code "a"}); {@code params} may be null. */
  void request(String id, String method, @Nullable String params) {
    send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
        + (params == null ? "" : ",\"params\":" + params) + "}");
  }

  /** Sends a notification; {@code params} may be null. */
  void notify(String method, @Nullable String params) {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"" + (params == null ? "" : ",\"params\":" + params) + "}");
  }

  /** The next message that arrives; fails if none does in time. */
  JsonRpcMessage next() {
    try {
      JsonRpcMessage message = inbox.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertNotNull(message, "nothing arrived within " + WAIT_SECONDS + " s");
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The next message, which must be a response to {@code id} (JSON text, or "null"). */
  JsonRpcResponse responseTo(String id) {
    JsonRpcMessage message = next();
    JsonRpcResponse response = assertInstanceOf(JsonRpcResponse.class, message, () -> "expected a response to "
        + id + ", got " + describe(message));
    assertEquals(id, idText(response.id()), () -> "response to the wrong id: " + describe(message));
    return response;
  }

  /** The next message, which must be a successful response to {@code id}. */
  JsonRpcResult resultFor(String id) {
    JsonRpcResponse response = responseTo(id);
    return assertInstanceOf(JsonRpcResult.class, response, () -> "expected a result, got " + describe(response));
  }

  /** The next message, which must be an error response to {@code id}. */
  JsonRpcError errorFor(String id) {
    JsonRpcResponse response = responseTo(id);
    return assertInstanceOf(JsonRpcError.class, response, () -> "expected an error, got " + describe(response));
  }

  /** The next message, which must be a request or notification with {@code method}. */
  JsonRpcMessage nextWithMethod(String method) {
    JsonRpcMessage message = next();
    String actual =
        message instanceof JsonRpcRequest request ? request.method()
            : message instanceof JsonRpcNotification notification ? notification.method() : null;
    assertEquals(method, actual, () -> "expected " + method + ", got " + describe(message));
    return message;
  }

  /** Fails if anything is waiting in the inbox. */
  void assertNothingMore() {
    JsonRpcMessage extra = inbox.poll();
    if (extra != null) {
      fail("unexpected message: " + describe(extra));
    }
  }

  /** Runs the legacy handshake: {@code initialize}, then {@code notifications/initialized}. */
  void initialize() {
    request("\"init\"", "initialize",
        "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}");
    resultFor("\"init\"");
    notify("notifications/initialized", null);
  }

  /** Whether the connection closed within the wait. */
  boolean awaitClosed() throws InterruptedException {
    return closed.await(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The server's side of this connection. */
  ServerSession session() {
    return java.util.Objects.requireNonNull(session, "not connected to a server");
  }

  /** This end of the pair. */
  InMemoryTransport end() {
    return end;
  }

  @Override
  public void close() {
    end.close();
  }

  /** An id as {@link RequestId#toString()} prints it; "null" for none. */
  static String idText(@Nullable RequestId id) {
    return String.valueOf(id);
  }

  static String describe(JsonRpcMessage message) {
    return LIMITED.encodeToString(message);
  }
}
