package dev.conduit.protocol.engine;

import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.PromptArgument;
import dev.conduit.protocol.schema.PromptMessage;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real server with one of each feature, for tests that talk to it over the wire:
 *
 * <ul>
 *   <li>tool {@code echo} ({@code text}, a required string) answers with the text;
 *   <li>tool {@code block} waits until {@link #release} opens (signalling {@link #entered}), then answers "released";
 *   <li>prompt {@code greet} with the required argument {@code name};
 *   <li>resource {@code memo://readme} and template {@code memo://notes/{id}}.
 * </ul>
 */
final class FixtureServer {

  /** Counts down when the {@code block} tool starts. */
  final CountDownLatch entered = new CountDownLatch(1);

  /** Opened by the test to let the {@code block} tool finish. */
  final CountDownLatch release = new CountDownLatch(1);

  final McpServer server;

  FixtureServer() {
    server = McpServer.builder()
        .info("fixture", "1.0")
        .tool(Tool.named("echo").description("Echoes its text").inputSchema(
                "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}"),
            (args, ctx) -> CallToolResult.text(args.requireString("text")))
        .tool(Tool.named("block").description("Waits for the test"), (args, ctx) -> {
          entered.countDown();
          if (!release.await(RawPeer.WAIT_SECONDS * 3, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the block tool");
          }
          return CallToolResult.text("released");
        })
        .prompt(Prompt.of("greet", "Greets someone", PromptArgument.required("name", "who to greet")),
            (args, ctx) -> GetPromptResult.of(null, PromptMessage.user("Hello, " + args.get("name"))))
        .resource(Resource.of("memo://readme", "readme"),
            (uri, ctx) -> ReadResourceResult.of(TextResourceContents.of(uri, "text/plain", "read me")))
        .resourceTemplate(ResourceTemplate.of("memo://notes/{id}", "notes"),
            (uri, vars, ctx) -> ReadResourceResult.of(TextResourceContents.of(uri, "text/plain", "note " + vars.get("id"))))
        .build();
  }
}
