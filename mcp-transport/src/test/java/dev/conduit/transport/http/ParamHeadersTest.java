package dev.conduit.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tool parameters marked {@code x-mcp-header} (2026-07-28, SEP-2243): the client sends them as {@code Mcp-Param-*}
 * headers too, escaped when they are not plain ASCII, and the server refuses a {@code tools/call} whose headers
 * disagree with its arguments with 400 and {@code -32020}.
 */
class ParamHeadersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
      + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

  private McpServer server;
  private StreamableHttpServer http;

  @BeforeEach
  void start() {
    server = McpServer.builder()
        .info("headers", "1.0")
        .tool(Tool.named("route").inputSchema("""
                {"type": "object",
                 "properties": {"region": {"type": "string", "x-mcp-header": "Region"},
                                "priority": {"type": "integer", "x-mcp-header": "Priority"},
                                "query": {"type": "string"}},
                 "required": ["region"]}"""),
            (args, ctx) -> CallToolResult.text(ctx.transport().header("Mcp-Param-Region") + "|"
                + ctx.transport().header("Mcp-Param-Priority") + "|" + ctx.transport().header("Mcp-Param-Query")))
        .build();
    http = StreamableHttpServer.builder(server).host("127.0.0.1").port(0).path("/mcp").start();
  }

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Era.class, names = {"MODERN", "LEGACY"})
  void theClientSendsMarkedArgumentsAsHeadersInEitherEra(Era era) {
    try (McpClient client = client(era)) {
      client.listAllTools();
      CallToolResult result = client.callTool("route", Map.of("region", "us-west1", "priority", 42, "query", "q"));
      assertEquals("us-west1|42|null", text(result));
    }
  }

  @Test
  void aValueThatIsNotPlainAsciiTravelsBase64EscapedAndArrivesIntact() {
    try (McpClient client = client(Era.MODERN)) {
      client.listAllTools();
      CallToolResult result = client.callTool("route", Map.of("region", " Zürich "));
      String expected = "=?base64?" + base64(" Zürich ") + "?=";
      assertEquals(expected + "|null|null", text(result));
    }
  }

  @Test
  void anAbsentArgumentSendsNoHeader() {
    try (McpClient client = client(Era.MODERN)) {
      client.listAllTools();
      Map<String, Object> arguments = new LinkedHashMap<>();
      arguments.put("region", "eu");
      arguments.put("priority", null);
      assertEquals("eu|null|null", text(client.callTool("route", arguments)));
    }
  }

  @Test
  void aHeaderThatDisagreesWithTheArgumentIsRefusedWithHeaderMismatch() throws IOException {
    listTools();
    JsonNode answer = call("{\"region\":\"us-west1\"}", Map.of("Mcp-Param-Region", "eu-north1"));
    assertEquals(400, answer.path("status").asInt());
    assertEquals(-32020, answer.path("body").path("error").path("code").asInt(), answer.toString());
  }

  @Test
  void aMissingHeaderForAGivenArgumentIsRefusedWithHeaderMismatch() throws IOException {
    listTools();
    JsonNode answer = call("{\"region\":\"us-west1\"}", Map.of());
    assertEquals(400, answer.path("status").asInt());
    assertEquals(-32020, answer.path("body").path("error").path("code").asInt(), answer.toString());
  }

  @Test
  void malformedBase64IsRefusedWithHeaderMismatch() throws IOException {
    listTools();
    for (String bad : List.of("=?base64?SGVsbG8?=", "=?base64?SGVs!!!bG8=?=")) {
      JsonNode answer = call("{\"region\":\"Hello\"}", Map.of("Mcp-Param-Region", bad));
      assertEquals(400, answer.path("status").asInt(), bad);
      assertEquals(-32020, answer.path("body").path("error").path("code").asInt(), answer.toString());
    }
  }

  @Test
  void base64OfTheSameValueAndAValueWithoutTheWholeEscapeAreAccepted() throws IOException {
    listTools();
    assertEquals(200, call("{\"region\":\"Hello\"}", Map.of("Mcp-Param-Region", "=?base64?SGVsbG8=?="))
        .path("status").asInt());
    assertEquals(200, call("{\"region\":\"=?base64?SGVsbG8=\"}", Map.of("Mcp-Param-Region", "=?base64?SGVsbG8="))
        .path("status").asInt());
    assertEquals(200, call("{\"region\":\"Hello\"}", Map.of("Mcp-Param-Region", "  Hello "))
        .path("status").asInt());
  }

  private McpClient client(Era era) {
    return McpClient.builder().transport(StreamableHttpClientTransport.create(url())).era(era).connect();
  }

  private String url() {
    return "http://127.0.0.1:" + http.port() + "/mcp";
  }

  private void listTools() throws IOException {
    String list = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{" + META + "}}";
    try (RawHttp response = post(list, Map.of("Mcp-Method", "tools/list"))) {
      assertEquals(200, response.status());
      assertTrue(response.body().contains("x-mcp-header"));
    }
  }

  /** A raw 2026-07-28 call of {@code route}: its status and body. */
  private JsonNode call(String arguments, Map<String, String> paramHeaders) throws IOException {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"route\","
        + "\"arguments\":" + arguments + "," + META + "}}";
    Map<String, String> headers = new LinkedHashMap<>(Map.of("Mcp-Method", "tools/call", "Mcp-Name", "route"));
    headers.putAll(paramHeaders);
    try (RawHttp response = post(body, headers)) {
      var answer = JSON.createObjectNode().put("status", response.status());
      answer.set("body", JSON.readTree(response.body()));
      return answer;
    }
  }

  private RawHttp post(String body, Map<String, String> extra) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json, text/event-stream");
    headers.put("MCP-Protocol-Version", "2026-07-28");
    headers.putAll(extra);
    return RawHttp.open("127.0.0.1", http.port(), "POST", "/mcp", headers, body);
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
