package dev.conduit.transport.websocket;

import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.RequestedSchema;
import dev.conduit.protocol.schema.StringSchema;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.TransportContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** An MCP server with tools that show what crossed the WebSocket, served by Jetty; the latches let tests wait. */
final class ToolServer implements AutoCloseable {

  static final long WAIT_SECONDS = 30;

  final CountDownLatch waiting = new CountDownLatch(1);
  final CountDownLatch cancelled = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);
  final McpServer server = McpServer.builder()
      .info("websocket-test", "1.0")
      .tool(Tool.named("echo").description("Echoes its message"),
          (args, ctx) -> CallToolResult.text(args.string("message", "")))
      .tool(Tool.named("progress").description("Reports progress three times"), (args, ctx) -> {
        for (int step = 1; step <= 3; step++) {
          ctx.progress(step, 3.0, "step " + step);
        }
        return CallToolResult.text("done");
      })
      .tool(Tool.named("wait").description("Waits until cancelled or released"), (args, ctx) -> {
        ctx.onCancel(cancelled::countDown);
        waiting.countDown();
        release.await(WAIT_SECONDS, TimeUnit.SECONDS);
        return CallToolResult.text("released");
      })
      .tool(Tool.named("ask").description("Asks the user for a name"), (args, ctx) -> {
        RequestedSchema schema = RequestedSchema.builder().property("name", StringSchema.of(), true).build();
        ElicitResult answer = ctx.elicit(ElicitRequestFormParams.of("Your name?", schema));
        return CallToolResult.text("Hello " + answer.content().get("name").asText());
      })
      .tool(Tool.named("flood").description("Reports progress with 2,000 messages of 8 KiB"), (args, ctx) -> {
        String padding = "x".repeat(8 * 1024);
        for (int i = 0; i < 2_000 && !ctx.isCancelled(); i++) {
          ctx.progress(i, null, padding);
        }
        return CallToolResult.text("flooded");
      })
      .tool(Tool.named("whoami").description("Tells the tenant header and the session id it arrived with"),
          (args, ctx) -> {
            TransportContext transport = ctx.transport();
            return CallToolResult.text(transport.header("X-Tenant") + " " + transport.sessionId());
          })
      .build();
  final JettyWebSocket jetty;

  ToolServer(WebSocketOptions options) throws Exception {
    this.jetty = new JettyWebSocket(server, options);
  }

  ToolServer() throws Exception {
    this(WebSocketOptions.defaults());
  }

  String url() {
    return jetty.url();
  }

  @Override
  public void close() throws Exception {
    release.countDown();
    server.close();
    jetty.close();
  }
}
