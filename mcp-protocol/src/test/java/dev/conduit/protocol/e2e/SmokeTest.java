package dev.conduit.protocol.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SmokeTest {

  @ParameterizedTest
  @EnumSource(Era.class)
  void callsAToolInEachEra(Era era) {
    McpServer server = McpServer.builder()
        .info("smoke", "1.0")
        .tool(Tool.named("echo").description("Echoes"), (args, ctx) -> CallToolResult.text(args.requireString("m")))
        .build();
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    server.connect(pair.server());
    try (McpClient client = McpClient.builder().transport(pair.client()).era(era).connect()) {
      assertEquals(era != Era.LEGACY, client.isModern());
      assertEquals("smoke", client.serverInfo().name());
      CallToolResult result = client.callTool("echo", Map.of("m", "hello"));
      assertFalse(result.failed());
      assertEquals("hello", ((TextContent) result.content().get(0)).text());
      assertEquals(1, client.listAllTools().size());
      assertTrue(client.serverCapabilities().hasTools());
    }
  }

  @org.junit.jupiter.api.Test
  void autoClientFallsBackToInitializeOnALegacyOnlyServer() {
    McpServer server = McpServer.builder()
        .protocolVersions(dev.conduit.protocol.ProtocolVersion.V2025_06_18)
        .tool(Tool.named("echo"), (args, ctx) -> CallToolResult.text("x"))
        .build();
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    server.connect(pair.server());
    try (McpClient client = McpClient.builder().transport(pair.client()).connect()) {
      assertFalse(client.isModern());
      assertEquals(dev.conduit.protocol.ProtocolVersion.V2025_06_18, client.protocolVersion());
      assertEquals("x", ((TextContent) client.callTool("echo", null).content().get(0)).text());
    }
  }

  @org.junit.jupiter.api.Test
  void legacyClientGetsAClearErrorFromAModernOnlyServer() {
    McpServer server = McpServer.builder().protocolVersions(dev.conduit.protocol.ProtocolVersion.V2026_07_28).build();
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    server.connect(pair.server());
    var error = org.junit.jupiter.api.Assertions.assertThrows(dev.conduit.protocol.McpException.class,
        () -> McpClient.builder().transport(pair.client()).era(Era.LEGACY).connect());
    assertEquals(-32022, error.code());
  }
}
