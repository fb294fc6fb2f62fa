package dev.conduit.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.jsonrpc.JsonRpcRequest;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.transport.http.client.RecordingListener;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The client transport on its own: its builder, failed handshakes, and what it does with what a server sends. */
class WebSocketClientTransportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingListener listener = new RecordingListener();

  /** A transport with the default settings to {@code server}, started. */
  private WebSocketClientTransport startedAgainst(HandRolledPeer.Server server) {
    WebSocketClientTransport transport = WebSocketClientTransport.create(server.url());
    transport.start(listener);
    return transport;
  }

  @Test
  void theBuilderTakesOnlyWebSocketUrls() {
    assertThrows(IllegalArgumentException.class, () -> WebSocketClientTransport.builder("http://localhost/mcp"));
    assertThrows(IllegalArgumentException.class, () -> WebSocketClientTransport.builder("not a url"));
    WebSocketClientTransport.builder("ws://localhost/mcp").build().close();
    WebSocketClientTransport.builder("WSS://localhost/mcp").build().close();
  }

  @Test
  void aHandshakeRefusedWith403FailsTheConnectAtOnceSayingSo() throws Exception {
    try (ToolServer tools = new ToolServer()) {
      WebSocketClientTransport transport =
          WebSocketClientTransport.builder(tools.url()).header("Origin", "http://evil.example.com").build();

      McpException failure = assertThrows(McpException.class, () -> McpClient.connect(transport));

      assertTrue(failure.getMessage().contains("HTTP 403"), failure.getMessage());
    }
  }

  @Test
  void aHandshakeToAPathWithNoEndpointFailsTheConnectAtOnceSayingSo() throws Exception {
    try (ToolServer tools = new ToolServer()) {
      WebSocketClientTransport transport = WebSocketClientTransport.create(tools.url().replace("/mcp", "/nothing"));

      McpException failure = assertThrows(McpException.class, () -> McpClient.connect(transport));

      assertTrue(failure.getMessage().contains("HTTP 404"), failure.getMessage());
    }
  }

  @Test
  void aServerThatIsNotListeningFailsTheConnectAtOnce() throws Exception {
    int port;
    try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = unused.getLocalPort();
    }
    WebSocketClientTransport transport = WebSocketClientTransport.create("ws://127.0.0.1:" + port + "/mcp");

    assertThrows(McpException.class, () -> McpClient.connect(transport));
  }

  /**
   * The server closes such a connection with 1002 as it opens (the wire test sees the code); a client that has
   * already sent its first message may see the connection reset instead. Either way the connect fails at once.
   */
  @Test
  void offeringASubprotocolTheServerDoesNotSpeakFailsTheConnect() throws Exception {
    try (ToolServer tools = new ToolServer()) {
      WebSocketClientTransport transport = WebSocketClientTransport.builder(tools.url()).subprotocol("other").build();

      assertThrows(McpException.class, () -> McpClient.connect(transport));
    }
  }

  @Test
  void aServerThatChoosesASubprotocolTheClientDidNotOfferIsLeft() throws Exception {
    try (HandRolledPeer.Server server = new HandRolledPeer.Server("graphql-ws")) {
      startedAgainst(server);
      try (HandRolledPeer ignored = server.accept()) {
        Throwable cause = listener.awaitClose().orElseThrow();

        assertInstanceOf(ProtocolException.class, cause);
        assertTrue(cause.getMessage().contains("graphql-ws"), cause.getMessage());
      }
    }
  }

  @Test
  void aServerThatChoosesNoSubprotocolIsServed() throws Exception {
    try (HandRolledPeer.Server server = new HandRolledPeer.Server(null)) {
      WebSocketClientTransport transport = startedAgainst(server);
      try (HandRolledPeer peer = server.accept()) {
        peer.sendText("{\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"method\":\"ping\"}");

        assertEquals(RequestId.of("s-1"), listener.next(JsonRpcRequest.class).id());
        transport.close();
      }
    }
  }

  @Test
  void whatTheServerSendsThatIsNotAMessageIsAnsweredAndTheConnectionGoesOn() throws Exception {
    try (HandRolledPeer.Server server = new HandRolledPeer.Server("mcp")) {
      WebSocketClientTransport transport = startedAgainst(server);
      try (HandRolledPeer peer = server.accept()) {
        peer.sendText("not json");
        assertEquals(-32700, JSON.readTree(peer.readSkippingPings().text()).path("error").path("code").asInt());

        peer.send(HandRolledPeer.BINARY, "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(-32600, JSON.readTree(peer.readSkippingPings().text()).path("error").path("code").asInt());

        peer.sendText("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");
        assertEquals(RequestId.of(3), listener.next(JsonRpcRequest.class).id());
        transport.close();
      }
    }
  }

  @Test
  void messagesSentBeforeTheHandshakeCompletesGoOutInOrderOnceItDoes() throws Exception {
    try (HandRolledPeer.Server server = new HandRolledPeer.Server("mcp")) {
      WebSocketClientTransport transport = startedAgainst(server);
      for (int id = 1; id <= 5; id++) {
        transport.send(new JsonRpcRequest(RequestId.of(id), "ping", null), null).toCompletableFuture()
            .get(ToolServer.WAIT_SECONDS, TimeUnit.SECONDS);
      }
      try (HandRolledPeer peer = server.accept()) {
        for (int id = 1; id <= 5; id++) {
          assertEquals(id, JSON.readTree(peer.readSkippingPings().text()).path("id").asInt());
        }
        transport.close();
      }
    }
  }

  @Test
  void aSuppliedOkHttpClientCarriesTheHandshakeAndIsNeverShutDown() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient supplied = new OkHttpClient.Builder().addInterceptor(chain -> {
      seen.add(chain.request().header("Sec-WebSocket-Protocol"));
      return chain.proceed(chain.request());
    }).build();
    try (ToolServer tools = new ToolServer();
        McpClient client = McpClient.connect(
            WebSocketClientTransport.builder(tools.url()).okHttpClient(supplied).build())) {
      client.ping();

      assertEquals(List.of("mcp"), seen);
    }
    assertFalse(supplied.dispatcher().executorService().isShutdown());
    supplied.dispatcher().executorService().shutdown();
  }

  @Test
  void closingSendsANormalCloseAndTellsTheListenerOnce() throws Exception {
    try (HandRolledPeer.Server server = new HandRolledPeer.Server("mcp")) {
      WebSocketClientTransport transport =
          WebSocketClientTransport.builder(server.url()).closeTimeout(Duration.ofMillis(200)).build();
      transport.start(listener);
      try (HandRolledPeer peer = server.accept()) {
        transport.send(new JsonRpcRequest(RequestId.of(1), "ping", null), null);
        peer.readSkippingPings();

        transport.close();
        transport.close();

        HandRolledPeer.Frame close = peer.readSkippingPings();
        assertEquals(HandRolledPeer.CLOSE, close.opcode());
        assertEquals(1000, close.closeCode());
        assertTrue(listener.awaitClose().isEmpty());
        assertEquals(1, listener.closeCount());
        assertTrue(transport.okHttpClient().dispatcher().executorService().isShutdown());
      }
    }
  }
}
