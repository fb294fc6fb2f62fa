package dev.conduit.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpObservabilityTest {

  @Test
  void instrumentsAServerAndAClientInOneLineEach() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    McpObservability observability = McpObservability.builder(meters).build();
    try (McpServer server = observability.bindTo(observability.instrument(McpServer.builder()
            .tool(Tool.named("echo"), (args, ctx) -> CallToolResult.text(args.requireString("message"))))
        .build())) {
      InMemoryTransport.Pair pair = InMemoryTransport.pair();
      server.connect(pair.server());
      try (McpClient client = observability.instrument(McpClient.builder().transport(pair.client()).era(Era.LEGACY))
          .connect()) {
        client.callTool("echo", Map.of("message", "hi"));
        assertEquals(1.0, meters.get("mcp.server.sessions.active").gauge().value());
      }
    }
    assertEquals(1, meters.get("mcp.server.requests").tags("method", "tools/call", "target", "echo").timer().count());
    assertEquals(1, meters.get("mcp.client.requests").tags("method", "tools/call", "target", "echo").timer().count());
    assertNotNull(meters.find("mcp.client.notifications").counter());
  }
}
