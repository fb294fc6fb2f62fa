package dev.conduit.transport.bridge;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.CompleteResult;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.PromptMessage;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.RequestedSchema;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.StringSchema;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import dev.conduit.transport.stdio.Children;
import dev.conduit.transport.stdio.StdioServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The upstream server of the bridge tests: tools that echo, fail, report progress, log, wait to be cancelled and ask
 * the client for input (counting how often the server saw each), a subscribable resource, a template, a prompt with
 * completions. In process for most tests; {@link #main} serves it on stdio in a child JVM.
 */
final class Origin {

  static final String LOGGER = "origin-logger";
  static final RequestedSchema NAME = RequestedSchema.builder().property("name", StringSchema.of(), true).build();

  final AtomicInteger asks = new AtomicInteger();
  /** Every tools/call the server received: the tool's name, and "+state" if it carried a requestState. */
  final List<String> calls = new CopyOnWriteArrayList<>();
  final CompletableFuture<String> cancelled = new CompletableFuture<>();
  final CompletableFuture<Void> hanging = new CompletableFuture<>();
  final McpServer server;

  Origin(ProtocolVersion... versions) {
    McpServer.Builder builder = McpServer.builder().info("origin", "7.0").instructions("Ask origin.");
    if (versions.length > 0) {
      builder.protocolVersions(versions);
    }
    this.server = builder
        .interceptor(chain -> {
          if (chain.request().method().equals("tools/call")) {
            JsonPayload params = chain.request().params();
            calls.add(chain.request().target() + (params != null && params.member("requestState") != null ? "+state" : ""));
          }
          return chain.proceed(chain.request());
        })
        .tool(Tool.named("echo").description("Says the text back"), (args, ctx) ->
            CallToolResult.text(args.requireString("text")))
        .tool(Tool.named("fail"), (args, ctx) -> {
          throw new McpException(-32042, "Finish the URL flow first", Map.of("url", "https://auth.example"));
        })
        .tool(Tool.named("progress"), (args, ctx) -> {
          for (int i = 1; i <= 3; i++) {
            ctx.progress(i, 3.0, "step " + i);
          }
          return CallToolResult.text("progressed");
        })
        .tool(Tool.named("log"), (args, ctx) -> {
          ctx.log(LoggingLevel.WARNING, LOGGER, "careful");
          return CallToolResult.text("logged");
        })
        .tool(Tool.named("hang"), (args, ctx) -> {
          ctx.onCancel(() -> cancelled.complete(ctx.transport().toString()));
          hanging.complete(null);
          cancelled.get(60, TimeUnit.SECONDS);
          return CallToolResult.text("cancelled at last");
        })
        .tool(Tool.named("ask"), (args, ctx) -> {
          asks.incrementAndGet();
          ElicitResult answer = ctx.elicit(ElicitRequestFormParams.of("Name?", NAME));
          return CallToolResult.text("Hello, " + answer.content().path("name").asText());
        })
        .tool(Tool.named("pid"), (args, ctx) -> CallToolResult.text(String.valueOf(ProcessHandle.current().pid())))
        .tool(Tool.named("garbage"), (args, ctx) -> {
          // The real stdout: while serving, System.out points at stderr.
          FileOutputStream out = new FileOutputStream(FileDescriptor.out);
          out.write("this is not JSON-RPC\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          return CallToolResult.text("sent garbage");
        })
        .resource(Resource.of("mem://counter", "counter"),
            (uri, ctx) -> ReadResourceResult.of(TextResourceContents.of(uri, "text/plain", String.valueOf(asks.get()))))
        .resourceTemplate(ResourceTemplate.of("mem://notes/{id}", "notes"),
            (uri, variables, ctx) -> ReadResourceResult.of(TextResourceContents.of(uri, null, "note " + variables.get("id"))))
        .prompt(Prompt.of("greet", "Greets"), (arguments, ctx) ->
            GetPromptResult.of(null, PromptMessage.user(TextContent.of("Hello"))))
        .promptCompletion("greet", (request, ctx) -> CompleteResult.of(List.of("Ada", "Alan")))
        .build();
  }

  /** A tool that adds a tool, so that the list changes. */
  void addTool(String name) {
    server.addTool(Tool.named(name).build(), (args, ctx) -> CallToolResult.text(name));
  }

  /** A bridge upstream whose connections reach this server in process. */
  Upstream upstream() {
    return Upstream.of("origin in memory", () -> {
      InMemoryTransport.Pair pair = InMemoryTransport.pair();
      server.connect(pair.server());
      return pair.client();
    });
  }

  /** The command line that serves an origin on stdio in a JVM of its own. */
  static List<String> commandLine() {
    return Children.javaCommand(Origin.class);
  }

  public static void main(String[] args) throws IOException {
    StdioServer.serve(new Origin().server);
  }
}
