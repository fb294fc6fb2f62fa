package dev.conduit.interop.official;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.server.McpServer;
import dev.conduit.samples.conformance.EverythingServer;
import dev.conduit.transport.http.StreamableHttpServer;
import io.modelcontextprotocol.modern.McpSchema.CallToolResult;
import io.modelcontextprotocol.modern.McpSchema.DiscoverResult;
import io.modelcontextprotocol.modern.McpSchema.ElicitResult;
import io.modelcontextprotocol.modern.McpSchema.Implementation;
import io.modelcontextprotocol.modern.McpSchema.TextContent;
import io.modelcontextprotocol.modern.McpSchema.Tool;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The official MCP Java SDK 2.2.0's 2026-07-28 client ({@code io.modelcontextprotocol.modern.client}) against
 * Conduit's conformance "everything" server on Streamable HTTP: the same {@code /mcp} endpoint that serves the SDK's
 * legacy client ({@link OfficialClientToConduitServerTest}).
 *
 * <p>Specifies that the SDK discovers the server's 2026-07-28 support, lists and calls its tools, answers its {@code
 * input_required} rounds through the SDK's elicitation handler, and that the {@code Mcp-Param-*} header the SDK
 * mirrors for an {@code x-mcp-header} parameter passes Conduit's check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialModernClientToConduitServerTest {

  private McpServer server;
  private StreamableHttpServer http;
  private McpSyncClient client;

  @BeforeAll
  void start() {
    server = EverythingServer.create();
    http = StreamableHttpServer.builder(server).host("127.0.0.1").port(0).path("/mcp").start();
    client = McpClient.sync(HttpClientMcpTransport.builder("http://127.0.0.1:" + http.port() + "/mcp")
            .jsonMapper(Interop.JSON).build())
        .clientInfo(Implementation.builder("official-modern-client", "2.2.0").build())
        .jsonMapper(Interop.JSON)
        .callTimeout(Interop.WAIT)
        .formElicitation(request -> ElicitResult.accept(Map.of("name", "Ada")))
        .build();
  }

  @AfterAll
  void stop() {
    http.close();
    server.close();
  }

  @Test
  void discoversTheServersModernRevisionAndCapabilities() {
    DiscoverResult discovered = client.discover();
    assertEquals(List.of("2026-07-28"), discovered.supportedVersions());
    assertTrue(discovered.capabilities().tools() != null, discovered.toString());
  }

  @Test
  void listsAndCallsATool() {
    List<String> names = client.tools().list().tools().stream().map(Tool::name).toList();
    assertTrue(names.contains("test_simple_text"), names.toString());
    assertEquals("This is a simple text response for testing.",
        text(client.tool("test_simple_text").arguments(Map.of()).call()));
  }

  @Test
  void answersTheServersInputRoundThroughItsElicitationHandler() {
    CallToolResult result = client.tool("test_input_required_result_elicitation").arguments(Map.of()).call();
    assertEquals("Hello, Ada!", text(result));
  }

  @Test
  void theHeaderItMirrorsForAnXMcpHeaderParameterPassesTheServersCheck() {
    client.tools().list();
    CallToolResult result = client.tool("test_custom_header").arguments(Map.of("region", "eu-west-1")).call();
    assertNotEquals(Boolean.TRUE, result.isError(), result.toString());
    assertEquals("Routed to eu-west-1", text(result));
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }
}
