package dev.conduit.samples.quickstart;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.RequestedSchema;
import dev.conduit.protocol.schema.StringSchema;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.schema.ToolAnnotations;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import java.io.PrintStream;
import java.util.Map;

/**
 * Builds a server with three tools and talks to it from two clients over in-memory connections: a modern
 * (2026-07-28) client and a legacy (2025-11-25) one. The {@code greet} tool asks the user for their name; the same
 * handler does it with an input round for the modern client and with a real elicitation request for the legacy one.
 */
public final class QuickStart {

  private QuickStart() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    McpServer server = server();
    for (Era era : new Era[] {Era.MODERN, Era.LEGACY}) {
      InMemoryTransport.Pair pair = InMemoryTransport.pair();
      server.connect(pair.server());
      try (McpClient client = McpClient.builder()
          .transport(pair.client())
          .info("quickstart-client", "1.0.0")
          .era(era)
          .elicitation(request -> ElicitResult.accept(null))
          .connect()) {
        out.printf("%s client: server %s %s, protocol %s%n", era.name().toLowerCase(java.util.Locale.ROOT),
            client.serverInfo().name(), client.serverInfo().version(), client.protocolVersion());
        out.printf("  tools: %s%n", client.listAllTools().stream().map(Tool::name).toList());
        out.printf("  echo  -> %s%n", text(client.callTool("echo", Map.of("message", "hello"))));
        out.printf("  add   -> %s%n", text(client.callTool("add", Map.of("a", 2, "b", 3))));
        out.printf("  greet -> %s%n", text(client.callTool("greet", null)));
      }
    }
    server.close();
  }

  static McpServer server() {
    return serverBuilder().build();
  }

  /** The quick-start server's configuration, for callers that add to it (interceptors, say) before building. */
  static McpServer.Builder serverBuilder() {
    return McpServer.builder()
        .info("quickstart", "1.0.0")
        .tool(Tool.named("echo").description("Repeats a message")
                .inputSchema("""
                    {"type": "object", "properties": {"message": {"type": "string"}}, "required": ["message"]}"""),
            (args, ctx) -> CallToolResult.text(args.requireString("message")))
        .tool(Tool.named("add").description("Adds two numbers").annotations(ToolAnnotations.readOnly())
                .inputSchema("""
                    {"type": "object", "properties": {"a": {"type": "number"}, "b": {"type": "number"}},
                     "required": ["a", "b"]}"""),
            (args, ctx) -> CallToolResult.text(format(args.requireNumber("a") + args.requireNumber("b"))))
        .tool(Tool.named("greet").description("Greets the user by name, asking for it"),
            (args, ctx) -> {
              ElicitResult answer = ctx.elicit(ElicitRequestFormParams.of("What is your name?",
                  RequestedSchema.builder().property("name", StringSchema.of().withDefault("Ada")).build()));
              String name = answer.accepted() ? answer.content().path("name").asText("stranger") : "stranger";
              return CallToolResult.text("Hello, " + name + "!");
            });
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
