package dev.conduit.benchmarks;

import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.stdio.StdioServer;

/**
 * Conduit's echo server: one tool, {@code echo}, answering its {@code text} argument as a single text content, with
 * input validation on (the default) against the same schema the official SDK's server uses.
 */
public final class OursServer {

  /** The tool's input schema, identical on both servers. */
  public static final String INPUT_SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}";

  private OursServer() {}

  /** A new echo server with default settings (validation on, handlers on the default executor). */
  public static McpServer create() {
    return McpServer.builder()
        .info("conduit-echo", "0.1.0")
        .validateToolInput(true)
        .tool(Tool.named("echo").description("Echoes the text argument").inputSchema(INPUT_SCHEMA),
            (args, ctx) -> CallToolResult.text(args.requireString("text")))
        .build();
  }

  /** The child JVM of the {@code ours-stdio} benchmarks: serves the echo server until stdin ends. */
  public static void main(String[] args) {
    Children.exitWithParent();
    StdioServer.serve(create());
  }
}
