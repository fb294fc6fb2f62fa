package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.connect;
import static dev.conduit.protocol.e2e.E2e.fails;
import static dev.conduit.protocol.e2e.E2e.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ListToolsResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.ToolException;
import java.util.List;
import java.util.Map;

/**
 * Specifies tools end to end, in both eras: listing, calling, input validation, how each kind of handler failure
 * reaches the client (tool error, hidden internal error, protocol error), unknown tools, and structured output checked
 * against the output schema.
 */
class ToolsTest {

  private static final String SECRET = "db-password=hunter2";

  private static final String ADD_INPUT = """
      {"type": "object",
       "properties": {"a": {"type": "integer"}, "b": {"type": "integer"}},
       "required": ["a", "b"]}""";

  private static final String WEATHER_OUTPUT = """
      {"type": "object",
       "properties": {"city": {"type": "string"}, "celsius": {"type": "number"}},
       "required": ["city", "celsius"]}""";

  private final McpServer server = McpServer.builder()
      .info("tools", "1.0")
      .tool(Tool.named("add").description("Adds two integers").inputSchema(ADD_INPUT),
          (args, ctx) -> CallToolResult.text(String.valueOf(args.requireInteger("a") + args.requireInteger("b"))))
      .tool(Tool.named("refuse"), (args, ctx) -> {
        throw new ToolException("The account is locked");
      })
      .tool(Tool.named("crash"), (args, ctx) -> {
        throw new IllegalStateException(SECRET);
      })
      .tool(Tool.named("forbidden"), (args, ctx) -> {
        throw new McpException(-32001, "Not allowed for this user");
      })
      .tool(Tool.named("weather").outputSchema(WEATHER_OUTPUT),
          (args, ctx) -> CallToolResult.structured(
              E2e.object().put("city", args.string("city", "Oslo")).put("celsius", 4.5)))
      .tool(Tool.named("bad_weather").outputSchema(WEATHER_OUTPUT),
          (args, ctx) -> CallToolResult.structured(E2e.object().put("city", "Oslo").put("celsius", "cold")))
      .build();

  @BothEras
  void listsToolsWithTheirSchemas(Era era) {
    try (McpClient client = connect(server, era)) {
      ListToolsResult page = client.listTools(null);
      assertEquals(List.of("add", "refuse", "crash", "forbidden", "weather", "bad_weather"),
          page.tools().stream().map(Tool::name).toList());
      assertNull(page.nextCursor());
      Tool add = page.tools().get(0);
      assertEquals("Adds two integers", add.description());
      assertEquals(E2e.json(ADD_INPUT), add.inputSchema());
      assertEquals(E2e.json(WEATHER_OUTPUT), page.tools().get(4).outputSchema());
    }
  }

  @BothEras
  void listAllToolsReturnsEveryTool(Era era) {
    try (McpClient client = connect(server, era)) {
      assertEquals(6, client.listAllTools().size());
    }
  }

  @BothEras
  void callsAToolWithArguments(Era era) {
    try (McpClient client = connect(server, era)) {
      CallToolResult result = client.callTool("add", Map.of("a", 2, "b", 40));
      assertFalse(result.failed());
      assertEquals("42", text(result));
    }
  }

  @BothEras
  void invalidArgumentsAreAToolErrorNamingTheProblem(Era era) {
    try (McpClient client = connect(server, era)) {
      CallToolResult result = client.callTool("add", Map.of("a", "two", "b", 40));
      assertTrue(result.failed());
      assertTrue(text(result).contains("add"), text(result));
      assertTrue(text(result).contains("/a") || text(result).contains("'a'") || text(result).contains("a:"),
          text(result));
      assertTrue(text(result).contains("integer"), text(result));
    }
  }

  @BothEras
  void missingRequiredArgumentIsAToolErrorNamingIt(Era era) {
    try (McpClient client = connect(server, era)) {
      CallToolResult result = client.callTool("add", Map.of("a", 1));
      assertTrue(result.failed());
      assertTrue(text(result).contains("b"), text(result));
      assertTrue(text(result).contains("required"), text(result));
    }
  }

  @BothEras
  void toolExceptionBecomesAToolErrorWithItsMessage(Era era) {
    try (McpClient client = connect(server, era)) {
      CallToolResult result = client.callTool("refuse", null);
      assertTrue(result.failed());
      assertEquals("The account is locked", text(result));
    }
  }

  @BothEras
  void otherExceptionBecomesAGenericToolErrorAndItsTextStaysOffTheWire(Era era) {
    E2e.Wire wire = new E2e.Wire();
    try (McpClient client = E2e.client(server, era, wire.pair()).connect()) {
      CallToolResult result = client.callTool("crash", null);
      assertTrue(result.failed());
      assertEquals("Tool 'crash' failed with an internal error", text(result));
      assertFalse(wire.text().contains("hunter2"), wire.text());
      assertFalse(wire.text().contains("IllegalStateException"), wire.text());
    }
  }

  @BothEras
  void mcpExceptionFromAHandlerIsAProtocolErrorWithItsCode(Era era) {
    try (McpClient client = connect(server, era)) {
      McpException error = fails(() -> client.callTool("forbidden", null));
      assertEquals(-32001, error.code());
      assertEquals("Not allowed for this user", error.getMessage());
    }
  }

  @BothEras
  void unknownToolIsInvalidParams(Era era) {
    try (McpClient client = connect(server, era)) {
      McpException error = fails(() -> client.callTool("nope", null));
      assertEquals(-32602, error.code());
      assertTrue(error.getMessage().contains("nope"), error.getMessage());
    }
  }

  @BothEras
  void validStructuredOutputIsReturnedWithItsJsonAsText(Era era) {
    try (McpClient client = connect(server, era)) {
      CallToolResult result = client.callTool("weather", Map.of("city", "Bergen"));
      assertFalse(result.failed());
      JsonNode expected = E2e.object().put("city", "Bergen").put("celsius", 4.5);
      assertEquals(expected, result.structuredContent());
      assertEquals(1, result.content().size());
      assertEquals(expected, E2e.json(text(result)));
    }
  }

  @BothEras
  void structuredOutputThatViolatesTheSchemaIsAToolError(Era era) {
    try (McpClient client = connect(server, era)) {
      CallToolResult result = client.callTool("bad_weather", null);
      assertTrue(result.failed());
      assertTrue(text(result).contains("celsius"), text(result));
      assertNull(result.structuredContent());
    }
  }
}
