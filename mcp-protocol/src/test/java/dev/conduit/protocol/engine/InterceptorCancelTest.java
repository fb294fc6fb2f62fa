package dev.conduit.protocol.engine;

import static dev.conduit.protocol.engine.WireLog.cancelledBy;
import static dev.conduit.protocol.engine.WireLog.clientSent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.engine.WireLog.Connected;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An interceptor that cancels the stage {@code chain.proceed} gave it (a time limiter, a hedge) cancels that request
 * at the server, and may proceed again afterwards with a fresh request.
 */
class InterceptorCancelTest {

  private static final long WAIT = RawPeer.WAIT_SECONDS;

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void cancellingTheStageOfProceedCancelsThatRequestAtTheServerAndAllowsAnotherAttempt(Era era) throws Exception {
    CountDownLatch firstEntered = new CountDownLatch(1);
    CountDownLatch firstCancelled = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    McpServer server = McpServer.builder()
        .tool(Tool.named("hang_once"), (args, ctx) -> {
          if (calls.incrementAndGet() == 1) {
            ctx.onCancel(firstCancelled::countDown);
            firstEntered.countDown();
            firstCancelled.await(WAIT, TimeUnit.SECONDS);
          }
          return CallToolResult.text("attempt " + calls.get());
        })
        .build();
    List<CompletionStage<JsonPayload>> attempts = new CopyOnWriteArrayList<>();
    McpInterceptor cancelFirst = chain -> {
      CompletionStage<JsonPayload> first = chain.proceed(chain.request());
      attempts.add(first);
      try {
        assertTrue(firstEntered.await(WAIT, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CompletableFuture.failedFuture(e);
      }
      first.toCompletableFuture().cancel(true);
      return chain.proceed(chain.request());
    };
    try (Connected connection = WireLog.connect(server, era, builder -> builder.interceptor(cancelFirst))) {
      CallToolResult result = connection.client().callTool("hang_once", Map.of());

      assertEquals("attempt 2", ((TextContent) result.content().get(0)).text());
      String firstId = connection.wire().await("tools/call", clientSent("tools/call")).id();
      connection.wire().await("notifications/cancelled for " + firstId, cancelledBy(firstId));
      assertTrue(firstCancelled.await(WAIT, TimeUnit.SECONDS), "the server's handler saw the cancellation");
      assertThrows(Exception.class, () -> attempts.get(0).toCompletableFuture().join());
    }
  }
}
