package dev.conduit.interop.official;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.EraCache;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conduit's {@link McpClient} against a server built with the official MCP Java SDK 2.2.0's 2026-07-28 API ({@link
 * OfficialModernFeatures}: its {@code HttpServletMcpTransport} in embedded Tomcat), which speaks no legacy revision.
 *
 * <p>Specifies that a client left to detect the era finds 2026-07-28 at once, and a client told to speak it calls
 * tools, answers the server's {@code input_required} rounds and sends the {@code Mcp-Param-*} header the SDK checks
 * for an {@code x-mcp-header} parameter; and that a client told to speak the legacy era fails with the server's own
 * refusal ({@code -32022} and the versions it speaks), not with an HTTP status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConduitClientToOfficialModernServerTest {

  private OfficialHttpServer server;

  @BeforeAll
  void startTheServer() throws Exception {
    server = OfficialHttpServer.startModern();
  }

  @AfterAll
  void stopTheServer() {
    server.close();
  }

  private McpClient connect(Era era) {
    return McpClient.builder()
        .transport(StreamableHttpClientTransport.create(server.url()))
        .info("conduit-client", "1.0")
        .era(era)
        .eraCache(EraCache.none())
        .requestTimeout(Interop.WAIT)
        .elicitation(request -> ElicitResult.accept(JsonNodeFactory.instance.objectNode().put("name", "Ada")))
        .connect();
  }

  @Test
  void anAutoClientFindsTheModernEraAndTheServersName() {
    try (McpClient client = connect(Era.AUTO)) {
      assertTrue(client.isModern());
      assertEquals(ProtocolVersion.V2026_07_28, client.protocolVersion());
      assertEquals(OfficialModernFeatures.NAME, client.serverInfo().name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Era.class, names = {"AUTO", "MODERN"})
  void listsAndCallsATool(Era era) {
    try (McpClient client = connect(era)) {
      assertEquals(List.of("add", "greet", "route"), client.listAllTools().stream().map(Tool::name).toList());
      assertEquals("5", text(client.callTool("add", Map.of("a", 2, "b", 3))));
    }
  }

  @Test
  void answersTheServersInputRound() {
    try (McpClient client = connect(Era.MODERN)) {
      assertEquals("Hello, Ada!", text(client.callTool("greet", Map.of())));
    }
  }

  @Test
  void sendsTheHeaderOfAnXMcpHeaderParameterThatTheServerChecks() {
    try (McpClient client = connect(Era.MODERN)) {
      client.listAllTools();
      CallToolResult result = client.callTool("route", Map.of("region", "eu-west-1", "query", "status"));
      assertFalse(result.failed(), result::toString);
      assertEquals("routed to eu-west-1", text(result));
    }
  }

  @Test
  void aLegacyClientFailsWithTheServersOwnRefusal() {
    McpException refused = assertThrows(McpException.class, () -> connect(Era.LEGACY).close());
    assertEquals(-32022, refused.code(), refused.getMessage());
    assertTrue(refused.data().tree().path("supported").toString().contains("2026-07-28"), refused.data().toString());
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }
}
