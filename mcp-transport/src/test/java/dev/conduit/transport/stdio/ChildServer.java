package dev.conduit.transport.stdio;

import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The server that tests launch as a child process: {@code main} serves it on stdio. The first argument picks a
 * misbehaviour: {@code ignore-eof} keeps running after stdin ends, {@code ignore-term} also survives SIGTERM.
 */
public final class ChildServer {

  static final String STARTED = "child server starting";

  private ChildServer() {}

  public static void main(String[] args) throws InterruptedException {
    String mode = args.length > 0 ? args[0] : "normal";
    System.err.println(STARTED);
    if (mode.equals("ignore-term")) {
      Runtime.getRuntime().addShutdownHook(new Thread(ChildServer::sleepForever));
    }
    StdioServer.serve(server());
    if (!mode.equals("normal")) {
      sleepForever();
    }
  }

  static McpServer server() {
    return McpServer.builder()
        .info("child", "1.0")
        .tool(Tool.named("echo"), (args, ctx) -> CallToolResult.text(args.requireString("text")))
        .tool(Tool.named("progress"), (args, ctx) -> {
          long steps = args.integer("steps", 3);
          for (int i = 1; i <= steps; i++) {
            ctx.log(LoggingLevel.INFO, "step " + i);
            ctx.progress(i, (double) steps, "step " + i);
          }
          return CallToolResult.text("done");
        })
        .tool(Tool.named("println"), (args, ctx) -> {
          System.out.println(args.string("text", "stray output"));
          System.out.print("no newline either");
          System.out.flush();
          return CallToolResult.text("printed");
        })
        .tool(Tool.named("stderr"), (args, ctx) -> {
          System.err.println(args.requireString("text"));
          return CallToolResult.text("written");
        })
        .tool(Tool.named("halt"), (args, ctx) -> {
          Runtime.getRuntime().halt((int) args.integer("code", 3));
          return CallToolResult.text("unreachable");
        })
        .tool(Tool.named("env"), (args, ctx) ->
            CallToolResult.text(Objects.toString(System.getenv(args.requireString("name")), "<unset>")))
        .tool(Tool.named("cwd"), (args, ctx) ->
            CallToolResult.text(Path.of("").toAbsolutePath().toString()))
        .tool(Tool.named("sleep"), (args, ctx) -> {
          Thread.sleep(args.integer("millis", 100));
          return CallToolResult.text("slept");
        })
        .build();
  }

  private static void sleepForever() {
    while (true) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        // Keep sleeping: this server is meant to be hard to stop.
      }
    }
  }
}
