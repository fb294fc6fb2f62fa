package dev.conduit.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpTimeoutException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The time limit's expiry cancels the request at a real upstream whose handler hangs, in both eras. */
class TimeLimitTest {

  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch cancelled = new CountDownLatch(1);

  private McpServer hanging() {
    return McpServer.builder()
        .tool(Tool.named("hang"), (args, ctx) -> {
          ctx.onCancel(cancelled::countDown);
          entered.countDown();
          cancelled.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS);
          return CallToolResult.text(ctx.isCancelled() ? "cancelled" : "too late");
        })
        .build();
  }

  private static List<McpInterceptor> onlyTimeLimit(Duration limit) {
    TimeLimiterRegistry registry = TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(limit).build());
    return McpResilience.client().timeLimiterRegistry(registry)
        .withoutRateLimiter().withoutBulkhead().withoutCircuitBreaker().withoutRetry().build().interceptors();
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void anExpiredCallIsCancelledAtTheUpstream(Era era) throws Exception {
    try (Upstream upstream = Upstream.connect(hanging(), era, onlyTimeLimit(Duration.ofMillis(200)))) {
      McpTimeoutException timeout =
          assertThrows(McpTimeoutException.class, () -> upstream.client().callTool("hang", Map.of()));

      assertTrue(timeout.getMessage().contains("tools/call"), timeout.getMessage());
      assertTrue(entered.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS), "the handler ran");
      assertTrue(cancelled.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS), "the handler saw the cancellation");
      assertEquals(upstream.idsSent("tools/call"), upstream.cancelledIds());
    }
  }

  @Test
  void aShorterTimeoutTheCallerAskedForStillApplies() throws Exception {
    try (Upstream upstream = Upstream.connect(hanging(), Era.LEGACY, onlyTimeLimit(Duration.ofMinutes(5)))) {
      assertThrows(McpTimeoutException.class,
          () -> upstream.client().callTool("hang", Map.of(), RequestOptions.timeout(Duration.ofMillis(200))));
      assertTrue(cancelled.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS), "the handler saw the cancellation");
    }
  }
}
