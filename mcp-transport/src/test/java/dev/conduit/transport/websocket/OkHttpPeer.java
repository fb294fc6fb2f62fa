package dev.conduit.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/** A plain OkHttp WebSocket that keeps what it is told, for tests that speak raw JSON-RPC to the server. */
final class OkHttpPeer extends WebSocketListener implements AutoCloseable {

  private static final OkHttpClient CLIENT = new OkHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  final CompletableFuture<Response> opened = new CompletableFuture<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  final CompletableFuture<@Nullable Response> failed = new CompletableFuture<>();
  private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
  private final WebSocket socket;

  /** Connects to {@code url} with the headers given as name, value, name, value... */
  OkHttpPeer(String url, String... headers) {
    Request.Builder request = new Request.Builder().url(url);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    this.socket = CLIENT.newWebSocket(request.build(), this);
  }

  /** Connects offering the subprotocol {@code mcp}. */
  static OkHttpPeer mcp(String url) throws Exception {
    OkHttpPeer peer = new OkHttpPeer(url, "Sec-WebSocket-Protocol", McpWebSocket.SUBPROTOCOL);
    peer.opened.get(ToolServer.WAIT_SECONDS, TimeUnit.SECONDS);
    return peer;
  }

  void send(String text) {
    socket.send(text);
  }

  void sendBinary(byte[] bytes) {
    socket.send(ByteString.of(bytes));
  }

  /** The next text message, as JSON; fails after the tests' wait. */
  JsonNode next() throws InterruptedException, IOException {
    String text = texts.poll(ToolServer.WAIT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(text, "no message arrived");
    return JSON.readTree(text);
  }

  /** Initializes a legacy session, answering the server's result with {@code initialized}. */
  void initialize() throws Exception {
    send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
    next();
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    opened.complete(response);
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    texts.add(text);
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    closed.complete(code);
    webSocket.close(1000, null);
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable t, @Nullable Response response) {
    failed.complete(response);
    opened.completeExceptionally(t);
  }

  @Override
  public void close() {
    socket.close(1000, null);
  }
}
