package dev.conduit.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.transport.Eventually;
import dev.conduit.transport.http.client.RecordingListener;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Pings, both ways: a peer that stops answering them is noticed and its connection ended. */
class KeepAliveTest {

  private static final WebSocketOptions QUICK_PINGS = WebSocketOptions.builder()
      .pingInterval(Duration.ofMillis(100)).pongTimeout(Duration.ofMillis(300)).build();

  @Test
  void theServerClosesAConnectionWhosePeerNeverAnswersItsPings() throws Exception {
    try (ToolServer tools = new ToolServer(QUICK_PINGS);
        HandRolledPeer peer = HandRolledPeer.connect(tools.jetty.port(), "/mcp")) {
      assertTrue(Eventually.holds(() -> tools.server.sessions().size() == 1));

      assertEquals(HandRolledPeer.PING, peer.read().opcode());
      HandRolledPeer.Frame close = peer.readSkippingPings();

      assertEquals(HandRolledPeer.CLOSE, close.opcode());
      assertEquals(1011, close.closeCode());
      assertTrue(Eventually.holds(() -> tools.server.sessions().isEmpty()), "the MCP session ended");
    }
  }

  @Test
  void aClientThatAnswersPingsStaysConnectedThroughManyOfThem() throws Exception {
    try (ToolServer tools = new ToolServer(QUICK_PINGS);
        McpClient client = McpClient.builder().transport(WebSocketClientTransport.create(tools.url()))
            .era(Era.LEGACY).connect()) {
      Thread.sleep(QUICK_PINGS.pongTimeout().multipliedBy(4).toMillis());

      client.ping();
      assertEquals(1, tools.server.sessions().size());
    }
  }

  @Test
  void theClientEndsAConnectionWhoseServerNeverAnswersItsPings() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (HandRolledPeer.Server server = new HandRolledPeer.Server("mcp")) {
      WebSocketClientTransport transport =
          WebSocketClientTransport.builder(server.url()).pingInterval(Duration.ofMillis(100)).build();
      transport.start(listener);
      try (HandRolledPeer peer = server.accept()) {
        Throwable cause = listener.awaitClose().orElseThrow();

        assertTrue(cause.getMessage().toLowerCase(Locale.ROOT).contains("pong"), cause.getMessage());
        assertEquals(1, listener.closeCount());
      }
    }
  }
}
