package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies the {@code x-mcp-header} markings of tool parameters (2026-07-28, SEP-2243): which parameters a tool
 * sends as headers, and that a client leaves out of its listings any tool whose markings are invalid, keeping the rest.
 */
class ParamHeaderToolsTest {

  private static Tool tool(String name, String properties) {
    return Tool.named(name).inputSchema("{\"type\":\"object\",\"properties\":" + properties + "}").build();
  }

  @Test
  void aToolNamesTheHeaderOfEachMarkedParameterInSchemaOrder() {
    Tool tool = tool("route", """
        {"region": {"type": "string", "x-mcp-header": "Region"}, "query": {"type": "string"},
         "priority": {"type": "integer", "x-mcp-header": "Priority"}, "dry": {"type": "boolean", "x-mcp-header": "Dry"}}""");
    assertEquals(List.of(Map.entry("region", "Region"), Map.entry("priority", "Priority"), Map.entry("dry", "Dry")),
        List.copyOf(tool.paramHeaders().entrySet()));
  }

  @Test
  void aToolWithoutMarkingsHasNoHeaderParameters() {
    assertTrue(tool("plain", "{\"q\": {\"type\": \"string\"}}").paramHeaders().isEmpty());
    assertTrue(Tool.named("bare").build().paramHeaders().isEmpty());
  }

  @Test
  void everyInvalidMarkingIsRefusedWithItsReason() {
    Map<String, String> invalid = Map.of(
        "{\"v\": {\"type\": \"string\", \"x-mcp-header\": \"\"}}", "HTTP token",
        "{\"v\": {\"type\": \"string\", \"x-mcp-header\": \"My Region\"}}", "HTTP token",
        "{\"v\": {\"type\": \"string\", \"x-mcp-header\": \"Region:Primary\"}}", "HTTP token",
        "{\"v\": {\"type\": \"string\", \"x-mcp-header\": \"Région\"}}", "HTTP token",
        "{\"v\": {\"type\": \"string\", \"x-mcp-header\": 7}}", "HTTP token",
        "{\"a\": {\"type\": \"string\", \"x-mcp-header\": \"MyField\"},"
            + " \"b\": {\"type\": \"string\", \"x-mcp-header\": \"myfield\"}}", "more than one",
        "{\"v\": {\"type\": \"number\", \"x-mcp-header\": \"Score\"}}", "string, integer or boolean",
        "{\"v\": {\"type\": \"object\", \"x-mcp-header\": \"Data\"}}", "string, integer or boolean",
        "{\"v\": {\"type\": \"array\", \"x-mcp-header\": \"Items\"}}", "string, integer or boolean");
    invalid.forEach((properties, reason) -> {
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> tool("bad", properties).paramHeaders(), properties);
      assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    });
  }

  @BothEras
  void aClientLeavesOutToolsWithInvalidMarkingsAndKeepsTheOthers(Era era) {
    McpServer server = McpServer.builder()
        .tool(tool("valid_tool", "{\"region\": {\"type\": \"string\", \"x-mcp-header\": \"Region\"}}"),
            (args, ctx) -> CallToolResult.text("ok"))
        .tool(tool("invalid_space", "{\"v\": {\"type\": \"string\", \"x-mcp-header\": \"My Region\"}}"),
            (args, ctx) -> CallToolResult.text("never"))
        .tool(tool("plain", "{}"), (args, ctx) -> CallToolResult.text("ok"))
        .build();
    try (McpClient client = connect(server, era)) {
      assertEquals(List.of("valid_tool", "plain"), client.listAllTools().stream().map(Tool::name).toList());
      assertEquals(List.of("valid_tool", "plain"), client.listTools(null).tools().stream().map(Tool::name).toList());
    }
  }
}
