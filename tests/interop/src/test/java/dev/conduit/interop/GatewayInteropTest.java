package dev.conduit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.samples.conformance.EverythingServer;
import dev.conduit.transport.http.StreamableHttpServer;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
import dev.conduit.transport.stdio.StdioClientTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Specifies {@code conduit-gateway} (the sample's jar) between real third-party peers and Conduit servers of each
 * era: the Inspector CLI (a 2025 client on the TypeScript SDK) through the gateway to the reference
 * server-everything on stdio and to Conduit servers that speak only the legacy era or only 2026-07-28; and Conduit's
 * client through the gateway's stdio front door to an HTTP server.
 */
class GatewayInteropTest {

  private static final String SIMPLE_TEXT = "This is a simple text response for testing.";

  /** A conformance server that speaks only {@code versions}, over Streamable HTTP in this JVM. */
  private static StreamableHttpServer conduitServer(ProtocolVersion... versions) {
    McpServer server = EverythingServer.create(builder -> builder.protocolVersions(versions));
    return StreamableHttpServer.builder(server).host("127.0.0.1").port(0).start();
  }

  @Test
  void theInspectorReachesTheReferenceServerOnStdioThroughTheGateway() {
    try (Gateway gateway = Gateway.start("everything", Gateway.stdio(NodeTools.command("mcp-server-everything",
        "stdio")), NodeTools.env())) {
      JsonNode tools = Inspector.inspect("gateway-everything", Inspector.http(gateway.mcpUrl()),
          "--method", "tools/list").path("tools");
      List<String> names = new ArrayList<>();
      tools.forEach(tool -> names.add(tool.path("name").asText()));
      assertTrue(names.contains("echo"), () -> "tools: " + names + "\n" + gateway.describe());
      JsonNode echoed = Inspector.inspect("gateway-everything", Inspector.http(gateway.mcpUrl()),
          "--method", "tools/call", "--tool-name", "echo", "--tool-arg", "message=through the gateway");
      assertTrue(echoed.path("content").path(0).path("text").asText().contains("through the gateway"),
          echoed::toString);
    }
  }

  @Test
  void theInspectorReachesALegacyOnlyConduitServerThroughTheGateway() {
    try (StreamableHttpServer upstream = conduitServer(ProtocolVersion.V2025_11_25, ProtocolVersion.V2025_06_18);
        Gateway gateway = Gateway.start("legacy-only", Gateway.url(upstream.url().toString()))) {
      JsonNode result = Inspector.inspect("gateway-legacy", Inspector.sse(gateway.sseUrl()),
          "--method", "tools/call", "--tool-name", "test_simple_text");
      assertEquals(SIMPLE_TEXT, result.path("content").path(0).path("text").asText(), result::toString);
    }
  }

  @Test
  void theInspectorReachesAModernOnlyConduitServerThroughTheGateway() {
    try (StreamableHttpServer upstream = conduitServer(ProtocolVersion.V2026_07_28);
        Gateway gateway = Gateway.start("modern-only", Gateway.url(upstream.url().toString()))) {
      JsonNode result = Inspector.inspect("gateway-modern", Inspector.http(gateway.mcpUrl()),
          "--method", "tools/call", "--tool-name", "test_simple_text");
      assertEquals(SIMPLE_TEXT, result.path("content").path(0).path("text").asText(), result::toString);
      JsonNode prompt = Inspector.inspect("gateway-modern", Inspector.http(gateway.mcpUrl()),
          "--method", "prompts/get", "--prompt-name", "test_prompt_with_arguments", "--prompt-args", "arg1=a",
          "arg2=b").path("messages").path(0);
      assertEquals("Prompt with arguments: arg1='a', arg2='b'", prompt.path("content").path("text").asText());
    }
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void conduitsClientReachesAnHttpServerThroughTheGatewaysStdioFrontDoor(Era era) {
    McpServer server = EverythingServer.create();
    try (StreamableHttpServer upstream = StreamableHttpServer.builder(server).port(0).start();
        McpClient client = McpClient.builder()
            .transport(StdioClientTransport.builder(Jars.java(Jars.gateway(), "--upstream",
                upstream.url().toString())).build())
            .era(era)
            .connect()) {
      assertEquals(SIMPLE_TEXT, ((TextContent) client.callTool("test_simple_text", Map.of()).content().get(0)).text());
    } finally {
      server.close();
    }
  }

  @Test
  void theGatewayIsReachableAsItSaysOnStreamableHttp() {
    McpServer server = EverythingServer.create();
    try (StreamableHttpServer upstream = StreamableHttpServer.builder(server).port(0).start();
        Gateway gateway = Gateway.start("streamable", Gateway.url(upstream.url().toString()));
        McpClient client = McpClient.builder()
            .transport(StreamableHttpClientTransport.create(gateway.mcpUrl())).connect()) {
      assertTrue(client.isModern(), "a dual-era upstream behind the gateway answers server/discover");
    } finally {
      server.close();
    }
  }
}
