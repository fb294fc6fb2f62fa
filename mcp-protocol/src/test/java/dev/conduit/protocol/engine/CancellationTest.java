package dev.conduit.protocol.engine;

import static dev.conduit.protocol.engine.WireLog.cancelledBy;
import static dev.conduit.protocol.engine.WireLog.clientSent;
import static dev.conduit.protocol.engine.WireLog.serverAnswered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.engine.WireLog.Connected;
import dev.conduit.protocol.internal.Threads;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Specifies cancellation by the caller: cancelling the future of a call sends {@code notifications/cancelled} for
 * it, the server cancels the running handler (its thread is interrupted and its {@code onCancel} callbacks run), and
 * the server never answers the cancelled request. The connection goes on serving other calls.
 */
class CancellationTest {

  private static final long WAIT = RawPeer.WAIT_SECONDS;

  // One handler thread: the server handles requests one after another, so a response to the cancelled request, had
  // there been one, would be on the wire before the response to any request that follows it.
  private final ExecutorService oneHandlerThread = Executors.newSingleThreadExecutor(Threads.daemonFactory("test-one"));
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch onCancelRan = new CountDownLatch(1);
  private final CountDownLatch interrupted = new CountDownLatch(1);
  private final McpServer server =
      McpServer.builder()
          .executor(oneHandlerThread)
          .tool(Tool.named("stall"), (args, ctx) -> {
            ctx.onCancel(onCancelRan::countDown);
            entered.countDown();
            try {
              new CountDownLatch(1).await(WAIT * 3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              interrupted.countDown();
              throw e;
            }
            return CallToolResult.text("nobody cancelled me");
          })
          .tool(Tool.named("echo"), (args, ctx) -> CallToolResult.text(args.requireString("text")))
          .build();

  @AfterEach
  void shutDown() {
    server.close();
    oneHandlerThread.shutdownNow();
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void cancellingTheCallersFutureCancelsTheHandlerAndTheServerSendsNoResponse(Era era) throws Exception {
    try (Connected connection = WireLog.connect(server, era, builder -> {})) {
      CompletableFuture<CallToolResult> call = connection.client().async().callTool("stall", null);
      assertTrue(entered.await(WAIT, TimeUnit.SECONDS), "the handler started");
      String id = connection.wire().await("tools/call stall", clientSent("tools/call")).id();

      assertTrue(call.cancel(true), "the future was still pending");
      assertThrows(CancellationException.class, call::join);

      connection.wire().await("notifications/cancelled for " + id, cancelledBy(id));
      assertTrue(interrupted.await(WAIT, TimeUnit.SECONDS), "the handler's thread was interrupted");
      assertTrue(onCancelRan.await(WAIT, TimeUnit.SECONDS), "the handler's onCancel callback ran");

      CallToolResult next = connection.client().callTool("echo", Map.of("text", "after"));
      assertEquals("after", ((TextContent) next.content().get(0)).text(), "the connection serves the next call");
      assertFalse(connection.wire().any(serverAnswered(id)), "the server answered the cancelled request");
    }
  }
}
