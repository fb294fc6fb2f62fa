package dev.conduit.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.transport.Eventually;
import org.junit.jupiter.api.Test;

/** A peer that stops reading does not make the server queue without bound. */
class SlowPeerTest {

  @Test
  void aConnectionWhosePeerStopsReadingIsClosedOnceItsQueueIsFull() throws Exception {
    WebSocketOptions options = WebSocketOptions.builder().maxQueuedBytes(64 * 1024).build();
    try (ToolServer tools = new ToolServer(options);
        HandRolledPeer peer = HandRolledPeer.connect(tools.jetty.port(), "/mcp")) {
      peer.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"slow\",\"version\":\"1\"}}}");
      peer.readSkippingPings();
      peer.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

      // Asks for 16 MiB of progress, then reads nothing more.
      peer.sendText("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"flood\","
          + "\"arguments\":{},\"_meta\":{\"progressToken\":\"p\"}}}");

      assertTrue(Eventually.holds(() -> tools.server.sessions().isEmpty()), "the connection was closed");
    }
  }
}
