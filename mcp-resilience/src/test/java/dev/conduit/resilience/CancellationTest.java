package dev.conduit.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.schema.ToolAnnotations;
import dev.conduit.protocol.server.McpServer;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An interceptor in front of the bundle that cancels what the bundle gave it (a hedge, a deadline of its own)
 * cancels the request at the upstream, and the bundle gives back what it held.
 */
class CancellationTest {

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void cancellingTheBundlesStageCancelsTheRequestAtTheUpstreamAndFreesItsPermits(Era era) throws Exception {
    CountDownLatch firstEntered = new CountDownLatch(1);
    CountDownLatch firstCancelled = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    McpServer server = McpServer.builder()
        .tool(Tool.named("lookup").annotations(ToolAnnotations.readOnly()), (args, ctx) -> {
          if (calls.incrementAndGet() == 1) {
            ctx.onCancel(firstCancelled::countDown);
            firstEntered.countDown();
            firstCancelled.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS);
          }
          return CallToolResult.text("attempt " + calls.get());
        })
        .build();
    McpInterceptor cancelFirst = chain -> {
      if (!chain.request().method().equals("tools/call")) {
        return chain.proceed(chain.request());
      }
      CompletionStage<JsonPayload> first = chain.proceed(chain.request());
      try {
        assertTrue(firstEntered.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CompletableFuture.failedFuture(e);
      }
      first.toCompletableFuture().cancel(true);
      return chain.proceed(chain.request());
    };
    // One call at a time: the second attempt gets through only if the first gave its permit back.
    BulkheadRegistry oneAtATime = BulkheadRegistry.of(
        BulkheadConfig.custom().maxConcurrentCalls(1).maxWaitDuration(Duration.ZERO).build());
    List<McpInterceptor> interceptors = new ArrayList<>();
    interceptors.add(cancelFirst);
    interceptors.addAll(McpResilience.client().bulkheadRegistry(oneAtATime).build().interceptors());

    try (Upstream upstream = Upstream.connect(server, era, interceptors)) {
      CallToolResult result = upstream.client().callTool("lookup", Map.of());

      assertEquals("attempt 2", ((TextContent) result.content().get(0)).text());
      assertTrue(firstCancelled.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS), "the upstream saw the cancellation");
      assertEquals(List.of(upstream.idsSent("tools/call").get(0)), upstream.cancelledIds());
    }
  }
}
