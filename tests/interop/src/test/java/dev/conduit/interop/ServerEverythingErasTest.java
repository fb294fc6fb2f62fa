package dev.conduit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.interop.ServerEverything.Via;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.EraCache;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conduit's client of each era and the reference server {@code @modelcontextprotocol/server-everything} 2026.8.31,
 * which speaks 2025-11-25 only (Streamable HTTP): a legacy client reaches it directly; a 2026-07-28 client told to
 * speak that era directly fails with the server's own refusal (its JSON-RPC error, not an HTTP status), and reaches it
 * through {@code conduit-gateway}, which translates between the eras. {@link ServerEverythingClientTest} covers the
 * server's features over each of its transports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerEverythingErasTest {

  private static final Duration LONG_WAIT = Duration.ofSeconds(60);

  private ServerEverything server;
  private Gateway gateway;

  @BeforeAll
  void start() {
    server = ServerEverything.start(Via.STREAMABLE_HTTP);
    gateway = Gateway.start("everything-eras", Gateway.stdio(NodeTools.command("mcp-server-everything", "stdio")),
        NodeTools.env());
  }

  @AfterAll
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private McpClient connect(String url, Era era) {
    return McpClient.builder()
        .transport(StreamableHttpClientTransport.create(url))
        .info("conduit-interop-tests", "1.0.0")
        .era(era)
        .eraCache(EraCache.none())
        .requestTimeout(LONG_WAIT)
        .connect();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Era.class, names = {"AUTO", "LEGACY"})
  void aLegacyClientCallsTheServerDirectly(Era era) {
    try (McpClient client = McpClient.builder().transport(server.transport()).era(era).eraCache(EraCache.none())
        .requestTimeout(LONG_WAIT).connect()) {
      assertFalse(client.isModern());
      assertEquals("Echo: directly", text(client.callTool("echo", Map.of("message", "directly"))));
    }
  }

  @Test
  void aModernClientIsRefusedByTheLegacyServerWithTheServersOwnError() {
    McpException refused = assertThrows(McpException.class, () -> {
      try (McpClient client = McpClient.builder().transport(server.transport()).era(Era.MODERN)
          .eraCache(EraCache.none()).requestTimeout(LONG_WAIT).connect()) {
        client.ping();
      }
    });
    // The TypeScript server refuses a request without a session with its own JSON-RPC error, which the client reports
    // as it came: no "HTTP 400", no attempt at HTTP+SSE.
    assertEquals(-32000, refused.code(), refused.getMessage());
    assertTrue(refused.getMessage().contains("Server not initialized"), refused.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void aClientOfEitherEraReachesTheServerThroughTheGateway(Era era) {
    try (McpClient client = connect(gateway.mcpUrl(), era)) {
      assertEquals(era == Era.MODERN, client.isModern());
      List<String> tools = client.listAllTools().stream().map(Tool::name).toList();
      assertTrue(tools.containsAll(List.of("echo", "get-sum")), () -> "tools: " + tools + "\n" + gateway.describe());
      assertEquals("Echo: through the gateway", text(client.callTool("echo", Map.of("message", "through the gateway"))));
      assertEquals("The sum of 2 and 3 is 5.", text(client.callTool("get-sum", Map.of("a", 2, "b", 3))));
    }
  }

  private static String text(CallToolResult result) {
    assertFalse(result.failed(), result::toString);
    return ((TextContent) result.content().get(0)).text();
  }
}
