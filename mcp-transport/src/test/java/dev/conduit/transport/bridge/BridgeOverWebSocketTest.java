package dev.conduit.transport.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.transport.websocket.JettyWebSocket;
import dev.conduit.transport.websocket.WebSocketClientTransport;
import dev.conduit.transport.websocket.WebSocketOptions;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Specifies a bridge whose hops are WebSockets on both sides: the upstream behind a WebSocket endpoint in Jetty, the
 * bridge's own server behind another; a tool call, progress and a request for input cross both.
 */
class BridgeOverWebSocketTest {

  private final Origin origin = new Origin();
  private JettyWebSocket upstream;
  private McpBridge bridge;
  private JettyWebSocket front;

  private McpClient connect(Era era) throws Exception {
    upstream = new JettyWebSocket(origin.server, WebSocketOptions.defaults());
    bridge = McpBridge.start(Upstream.webSocket(upstream.url(), Map.of("X-Test", "1")));
    front = new JettyWebSocket(bridge.server(), WebSocketOptions.defaults());
    return McpClient.builder().transport(WebSocketClientTransport.create(front.url())).era(era)
        .elicitation(request -> ElicitResult.accept(new ObjectMapper().createObjectNode().put("name", "Lin")))
        .connect();
  }

  @AfterEach
  void stop() throws Exception {
    if (front != null) {
      front.close();
    }
    if (bridge != null) {
      bridge.close();
    }
    if (upstream != null) {
      upstream.close();
    }
    origin.server.close();
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void callsProgressAndRequestsForInputCrossTwoWebSockets(Era era) throws Exception {
    BlockingQueue<String> progress = new LinkedBlockingQueue<>();
    try (McpClient client = connect(era)) {
      assertEquals("ws", text(client.callTool("echo", Map.of("text", "ws"))));
      client.callTool("progress", null, RequestOptions.progress(p -> progress.add(p.message())));
      assertEquals("step 1", progress.poll(30, TimeUnit.SECONDS));
      assertEquals("Hello, Lin", text(client.callTool("ask", null)));
    }
  }
}
