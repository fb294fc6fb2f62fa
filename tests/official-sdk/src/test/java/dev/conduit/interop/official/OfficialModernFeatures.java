package dev.conduit.interop.official;

import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.McpSchema.CallToolOutcome;
import io.modelcontextprotocol.modern.McpSchema.CallToolRequest;
import io.modelcontextprotocol.modern.McpSchema.CallToolResult;
import io.modelcontextprotocol.modern.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.modern.McpSchema.ElicitResult;
import io.modelcontextprotocol.modern.McpSchema.InputRequiredResult;
import io.modelcontextprotocol.modern.McpSchema.TextContent;
import io.modelcontextprotocol.modern.McpSchema.Tool;
import io.modelcontextprotocol.modern.server.InputResponses;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpServer;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncTool;
import io.modelcontextprotocol.modern.server.feature.McpSyncToolRepository;
import io.modelcontextprotocol.modern.server.feature.ToolsFeature;
import io.modelcontextprotocol.modern.server.feature.ToolsPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server the official SDK 2.2.0 builds with its 2026-07-28 ({@code modern}) API: stateless, per-request
 * {@code _meta}, input in {@code input_required} rounds. Three tools: {@code add} (plain), {@code greet} (asks the
 * user's name in an input round) and {@code route} (its {@code region} parameter is marked {@code x-mcp-header}, so
 * the SDK checks the {@code Mcp-Param-Region} header of every call).
 */
final class OfficialModernFeatures {

  static final String NAME = "official-modern-server";

  private OfficialModernFeatures() {}

  /** The server, for a transport to serve. */
  static McpServer build() {
    Map<String, McpSyncTool> tools = new LinkedHashMap<>();
    tools.put("add", McpSyncTool.of(tool("add", "Adds two integers", Map.of(
            "a", Map.of("type", "integer"), "b", Map.of("type", "integer")), List.of("a", "b")),
        (ctx, call) -> answer(String.valueOf(integer(call, "a") + integer(call, "b")))));
    tools.put("greet", McpSyncTool.of(tool("greet", "Greets the user, asking their name first", Map.of(), List.of()),
        OfficialModernFeatures::greet));
    tools.put("route", McpSyncTool.of(tool("route", "Routes by region", Map.of(
            "region", Map.of("type", "string", "x-mcp-header", "Region"), "query", Map.of("type", "string")),
            List.of("region")),
        (ctx, call) -> answer("routed to " + call.arguments().get("region"))));
    McpSyncToolRepository repository = new McpSyncToolRepository() {
      @Override
      public ToolsPage list(McpRequestContext ctx, String cursor) {
        return ToolsPage.of(tools.values().stream().map(McpSyncTool::definition).toList());
      }

      @Override
      public McpSyncTool find(McpRequestContext ctx, String name) {
        return tools.get(name);
      }
    };
    return McpServer.builder()
        .serverInfo(McpSchema.Implementation.builder(NAME, "2.2.0").build())
        .jsonMapper(Interop.JSON)
        // The SDK's own validator needs json-schema-validator 3.x, which cannot share the class path with ours.
        .feature(ToolsFeature.ofSync(repository, Interop.JSON, Jackson2SchemaValidator.INSTANCE, 0,
            McpSchema.CacheScope.PUBLIC))
        .build();
  }

  /** Round 1: asks the name. Round 2: greets with the answer. */
  private static McpSyncResponse<CallToolOutcome> greet(McpRequestContext ctx, CallToolRequest call) {
    Map<String, Object> answers = call.inputResponses();
    if (answers == null || !answers.containsKey("name")) {
      ElicitFormRequest question = ElicitFormRequest.builder("What is your name?", Map.of("type", "object",
          "properties", Map.of("name", Map.of("type", "string")), "required", List.of("name"))).build();
      return McpSyncResponse.<CallToolOutcome>result(InputRequiredResult.builder().elicit("name", question).build());
    }
    ElicitResult reply = InputResponses.get(answers, "name", ElicitResult.class, Interop.JSON);
    return answer("Hello, " + reply.content().get("name") + "!");
  }

  private static Tool tool(String name, String description, Map<String, Object> properties, List<String> required) {
    return Tool.builder(name, Map.of("type", "object", "properties", properties, "required", required))
        .description(description).build();
  }

  private static long integer(CallToolRequest call, String name) {
    return ((Number) call.arguments().get(name)).longValue();
  }

  private static McpSyncResponse<CallToolOutcome> answer(String text) {
    CallToolResult result = CallToolResult.builder().addContent(TextContent.builder(text).build()).build();
    return McpSyncResponse.<CallToolOutcome>result(result);
  }
}
