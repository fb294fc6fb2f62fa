package dev.conduit.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.RetryHint;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Concurrency limits per upstream and per tool, against a server whose tool holds its call until released. */
class BulkheadTest {

  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  private McpServer server() {
    return McpServer.builder()
        .tool(Tool.named("slow"), (args, ctx) -> {
          entered.countDown();
          release.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS);
          return CallToolResult.text("slow");
        })
        .tool(Tool.named("fast"), (args, ctx) -> CallToolResult.text("fast"))
        .build();
  }

  private static BulkheadRegistry registry(int whole, int perTool) {
    return BulkheadRegistry.of(Map.of(
        "default", BulkheadConfig.custom().maxConcurrentCalls(whole).maxWaitDuration(Duration.ZERO).build(),
        "mcp-tool", BulkheadConfig.custom().maxConcurrentCalls(perTool).maxWaitDuration(Duration.ZERO).build()));
  }

  private static ClientResilience onlyBulkhead(BulkheadRegistry registry) {
    return McpResilience.client().upstream("bulkhead-test").bulkheadRegistry(registry)
        .withoutRateLimiter().withoutRetry().withoutCircuitBreaker().withoutTimeLimiter().build();
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  @Test
  void aCallBeyondTheToolsLimitIsRefusedAtOnceWhileOtherToolsStillRun() throws Exception {
    try (Upstream upstream = Upstream.connect(server(), Era.LEGACY, onlyBulkhead(registry(10, 1)).interceptors())) {
      CompletableFuture<CallToolResult> first = upstream.client().async().callTool("slow", Map.of());
      assertTrue(entered.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS));

      McpException full = assertThrows(McpException.class, () -> upstream.client().callTool("slow", Map.of()));

      assertEquals(ErrorCodes.BULKHEAD_FULL, full.code());
      assertTrue(RetryHint.of(full.data()).isPresent(), "marked retryable");
      assertEquals(1, upstream.idsSent("tools/call").size(), "the refused call never reached the wire");
      assertEquals("fast", text(upstream.client().callTool("fast", Map.of())));

      release.countDown();
      first.get(Upstream.WAIT_SECONDS, TimeUnit.SECONDS);
      assertEquals("slow", text(upstream.client().callTool("slow", Map.of())), "the permit came back");
    }
  }

  @Test
  void aCallBeyondTheUpstreamsLimitIsRefusedWhateverTheTool() throws Exception {
    try (Upstream upstream = Upstream.connect(server(), Era.LEGACY, onlyBulkhead(registry(1, 10)).interceptors())) {
      CompletableFuture<CallToolResult> first = upstream.client().async().callTool("slow", Map.of());
      assertTrue(entered.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS));

      McpException full = assertThrows(McpException.class, () -> upstream.client().callTool("fast", Map.of()));

      assertEquals(ErrorCodes.BULKHEAD_FULL, full.code());
      release.countDown();
      first.get(Upstream.WAIT_SECONDS, TimeUnit.SECONDS);
      assertEquals("fast", text(upstream.client().callTool("fast", Map.of())));
    }
  }

  @Test
  void theServerRefusesACallBeyondItsLimitWithARetryableError() throws Exception {
    BulkheadRegistry registry = BulkheadRegistry.of(
        BulkheadConfig.custom().maxConcurrentCalls(1).maxWaitDuration(Duration.ZERO).build());
    McpServer server = McpResilience.server().name("guarded").bulkheadRegistry(registry).withoutRateLimiter().build()
        .applyTo(McpServer.builder()
            .tool(Tool.named("slow"), (args, ctx) -> {
              entered.countDown();
              release.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS);
              return CallToolResult.text("slow");
            })
            .tool(Tool.named("fast"), (args, ctx) -> CallToolResult.text("fast")))
        .build();
    try (Upstream upstream = Upstream.connect(server, Era.LEGACY, List.of())) {
      CompletableFuture<CallToolResult> first = upstream.client().async().callTool("slow", Map.of());
      assertTrue(entered.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS));

      McpException full = assertThrows(McpException.class, () -> upstream.client().callTool("fast", Map.of()));

      assertEquals(ErrorCodes.BULKHEAD_FULL, full.code());
      assertTrue(RetryHint.of(full.data()).isPresent(), "the retry hint crossed the wire");
      release.countDown();
      first.get(Upstream.WAIT_SECONDS, TimeUnit.SECONDS);
      assertEquals("fast", text(upstream.client().callTool("fast", Map.of())));
      assertEquals(List.of("guarded"), registry.getAllBulkheads().stream().map(b -> b.getName()).toList(),
          "no bulkhead per tool name a client sent");
    }
  }
}
