package dev.conduit.benchmarks.sdk;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.List;

/**
 * The benchmark's one tool, {@code echo}, in the official SDK: it answers the {@code text} argument as a single text
 * content. The input schema is the one our server uses, and the SDK validates arguments against it (its default).
 */
final class EchoTool {

  /** The tool's input schema, identical on both servers. */
  static final String INPUT_SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}";

  private EchoTool() {}

  static SyncToolSpecification spec() {
    McpSchema.Tool tool = McpSchema.Tool.builder()
        .name("echo")
        .description("Echoes the text argument")
        .inputSchema(McpJsonDefaults.getMapper(), INPUT_SCHEMA)
        .build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler((exchange, request) -> CallToolResult.builder()
            .content(List.of(new TextContent(String.valueOf(request.arguments().get("text")))))
            .isError(false)
            .build())
        .build();
  }

  /** A server on a Streamable HTTP provider, with input validation on and the SDK's default execution setting. */
  static McpSyncServer serve(McpStreamableServerTransportProvider provider, boolean immediate) {
    var spec = McpServer.sync(provider);
    spec.serverInfo("sdk-echo", "2.2.0");
    spec.capabilities(ServerCapabilities.builder().tools(false).build());
    spec.validateToolInputs(true);
    spec.immediateExecution(immediate);
    spec.tools(spec());
    return spec.build();
  }

  /** A server on a single-session provider (stdio), with input validation on. */
  static McpSyncServer serve(McpServerTransportProvider provider, boolean immediate) {
    var spec = McpServer.sync(provider);
    spec.serverInfo("sdk-echo", "2.2.0");
    spec.capabilities(ServerCapabilities.builder().tools(false).build());
    spec.validateToolInputs(true);
    spec.immediateExecution(immediate);
    spec.tools(spec());
    return spec.build();
  }
}
