package dev.conduit.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.McpTimeoutException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.RetryHint;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.schema.ToolAnnotations;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.ToolHandler;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Retries against a real upstream whose handlers fail: what is retried, how often, with which ids, after how long. */
class RetryTest {

  private final AtomicInteger attempts = new AtomicInteger();
  private final RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
      .maxAttempts(3).intervalFunction(IntervalFunction.of(Duration.ofMillis(10))).build());

  /** A handler that fails with an internal error until its third attempt. */
  private ToolHandler failingTwice() {
    return (args, ctx) -> {
      if (attempts.incrementAndGet() < 3) {
        throw new McpException(ErrorCodes.INTERNAL_ERROR, "Internal error");
      }
      return CallToolResult.text("third time lucky");
    };
  }

  private ToolHandler alwaysFailing() {
    return (args, ctx) -> {
      attempts.incrementAndGet();
      throw new McpException(ErrorCodes.INTERNAL_ERROR, "Internal error");
    };
  }

  private ClientResilience.Builder onlyRetry() {
    return McpResilience.client().upstream("retry-test").retryRegistry(retries)
        .withoutRateLimiter().withoutBulkhead().withoutCircuitBreaker().withoutTimeLimiter();
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void retriesAReadOnlyToolAfterInternalErrorsWithAFreshIdPerAttempt(Era era) {
    McpServer server = McpServer.builder()
        .tool(Tool.named("search").annotations(ToolAnnotations.readOnly()), failingTwice()).build();
    try (Upstream upstream = Upstream.connect(server, era, onlyRetry().build().interceptors())) {
      upstream.client().listAllTools();

      assertEquals("third time lucky", text(upstream.client().callTool("search", Map.of())));

      assertEquals(3, attempts.get());
      List<String> ids = upstream.idsSent("tools/call");
      assertEquals(3, ids.size(), "one request per attempt: " + ids);
      assertEquals(3, new HashSet<>(ids).size(), "each attempt has its own id: " + ids);
      assertEquals(1, retries.retry("retry-test").getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt(),
          "the user's registry's retry did the counting");
    }
  }

  @Test
  void retriesAnIdempotentTool() {
    McpServer server = McpServer.builder()
        .tool(Tool.named("set_flag").annotations(ToolAnnotations.idempotent()), failingTwice()).build();
    try (Upstream upstream = Upstream.connect(server, Era.LEGACY, onlyRetry().build().interceptors())) {
      upstream.client().listAllTools();
      assertEquals("third time lucky", text(upstream.client().callTool("set_flag", Map.of())));
      assertEquals(3, attempts.get());
    }
  }

  @Test
  void retriesAToolTheUserDeclaredIdempotent() {
    McpServer server = McpServer.builder().tool(Tool.named("sync"), failingTwice()).build();
    try (Upstream upstream = Upstream.connect(server, Era.LEGACY, onlyRetry().idempotentTools("sync").build()
        .interceptors())) {
      assertEquals("third time lucky", text(upstream.client().callTool("sync", Map.of())));
      assertEquals(3, attempts.get());
    }
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void neverRetriesADestructiveTool(Era era) {
    McpServer server = McpServer.builder()
        .tool(Tool.named("job_launch").annotations(ToolAnnotations.destructive()), alwaysFailing()).build();
    try (Upstream upstream = Upstream.connect(server, era, onlyRetry().build().interceptors())) {
      upstream.client().listAllTools();

      McpException failure =
          assertThrows(McpException.class, () -> upstream.client().callTool("job_launch", Map.of()));

      assertEquals(ErrorCodes.INTERNAL_ERROR, failure.code());
      assertEquals(1, attempts.get());
      assertEquals(1, upstream.idsSent("tools/call").size());
    }
  }

  @Test
  void neverRetriesADestructiveToolEvenWhenTheErrorSaysRetryable() {
    McpServer server = McpServer.builder()
        .tool(Tool.named("job_launch").annotations(ToolAnnotations.destructive()), (args, ctx) -> {
          attempts.incrementAndGet();
          throw new McpException(ErrorCodes.RATE_LIMITED, "Rate limited",
              RetryHint.after(Duration.ofMillis(1)).toData());
        })
        .build();
    try (Upstream upstream = Upstream.connect(server, Era.LEGACY, onlyRetry().build().interceptors())) {
      upstream.client().listAllTools();
      McpException failure =
          assertThrows(McpException.class, () -> upstream.client().callTool("job_launch", Map.of()));
      assertEquals(ErrorCodes.RATE_LIMITED, failure.code());
      assertEquals(1, attempts.get());
    }
  }

  @Test
  void retriesAListAfterATransportErrorUntilTheRetryGivesUp() {
    McpServer server = McpServer.builder()
        .tool(Tool.named("search").annotations(ToolAnnotations.readOnly()), alwaysFailing()).build();
    try (Upstream upstream = Upstream.connect(server, Era.LEGACY, onlyRetry().build().interceptors())) {
      upstream.cut();

      McpException failure = assertThrows(McpException.class, () -> upstream.client().listAllTools());

      assertEquals(McpConnectionClosedException.CODE, failure.code());
      assertEquals(1, retries.retry("retry-test").getMetrics().getNumberOfFailedCallsWithRetryAttempt(),
          "retried, then gave up");
    }
  }

  @Test
  void neverRetriesAToolWithoutAnnotations() {
    McpServer server = McpServer.builder().tool(Tool.named("deploy"), alwaysFailing()).build();
    try (Upstream upstream = Upstream.connect(server, Era.LEGACY, onlyRetry().build().interceptors())) {
      upstream.client().listAllTools();
      assertThrows(McpException.class, () -> upstream.client().callTool("deploy", Map.of()));
      assertEquals(1, attempts.get());
    }
  }

  @Test
  void neverRetriesAToolItHasNotSeenListed() {
    McpServer server = McpServer.builder()
        .tool(Tool.named("search").annotations(ToolAnnotations.readOnly()), alwaysFailing()).build();
    try (Upstream upstream = Upstream.connect(server, Era.LEGACY, onlyRetry().build().interceptors())) {
      assertThrows(McpException.class, () -> upstream.client().callTool("search", Map.of()));
      assertEquals(1, attempts.get());
    }
  }

  @Test
  void doesNotRetryAnInvalidParamsError() {
    McpServer server = McpServer.builder()
        .tool(Tool.named("search").annotations(ToolAnnotations.readOnly()), (args, ctx) -> {
          attempts.incrementAndGet();
          throw McpException.invalidParams("Invalid params: no query");
        })
        .build();
    try (Upstream upstream = Upstream.connect(server, Era.LEGACY, onlyRetry().build().interceptors())) {
      upstream.client().listAllTools();
      McpException failure = assertThrows(McpException.class, () -> upstream.client().callTool("search", Map.of()));
      assertEquals(ErrorCodes.INVALID_PARAMS, failure.code());
      assertEquals(1, attempts.get());
    }
  }

  @Test
  void givesUpAfterTheRetrysMaximumAttempts() {
    McpServer server = McpServer.builder()
        .tool(Tool.named("search").annotations(ToolAnnotations.readOnly()), alwaysFailing()).build();
    try (Upstream upstream = Upstream.connect(server, Era.LEGACY, onlyRetry().build().interceptors())) {
      upstream.client().listAllTools();
      McpException failure = assertThrows(McpException.class, () -> upstream.client().callTool("search", Map.of()));
      assertEquals(ErrorCodes.INTERNAL_ERROR, failure.code());
      assertEquals(3, attempts.get());
    }
  }

  @Test
  void waitsAsLongAsTheUpstreamsRetryAfterSays() {
    List<Long> attemptNanos = new CopyOnWriteArrayList<>();
    McpServer server = McpServer.builder()
        .tool(Tool.named("search").annotations(ToolAnnotations.readOnly()), (args, ctx) -> CallToolResult.text("ok"))
        .interceptor(chain -> {
          if (!chain.request().method().equals("tools/call")) {
            return chain.proceed(chain.request());
          }
          attemptNanos.add(System.nanoTime());
          return attemptNanos.size() == 1
              ? CompletableFuture.failedFuture(new McpException(ErrorCodes.RATE_LIMITED, "Rate limited",
                  RetryHint.after(Duration.ofMillis(300)).toData()))
              : chain.proceed(chain.request());
        })
        .build();
    try (Upstream upstream = Upstream.connect(server, Era.LEGACY, onlyRetry().build().interceptors())) {
      upstream.client().listAllTools();

      assertEquals("ok", text(upstream.client().callTool("search", Map.of())));

      assertEquals(2, attemptNanos.size());
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(attemptNanos.get(1) - attemptNanos.get(0));
      assertTrue(waitedMillis >= 300, "waited " + waitedMillis + " ms, though the upstream asked for 300");
    }
  }

  @Test
  void doesNotRetryWhenTheUpstreamAsksForALongerWaitThanTheMaximum() {
    McpServer server = McpServer.builder()
        .resource(Resource.of("res://busy", "busy"), (uri, ctx) -> {
          attempts.incrementAndGet();
          throw new McpException(ErrorCodes.RATE_LIMITED, "Rate limited",
              RetryHint.after(Duration.ofMinutes(5)).toData());
        })
        .build();
    try (Upstream upstream = Upstream.connect(server, Era.LEGACY,
        onlyRetry().maxRetryAfter(Duration.ofSeconds(1)).build().interceptors())) {
      McpException failure = assertThrows(McpException.class, () -> upstream.client().readResource("res://busy"));
      assertEquals(ErrorCodes.RATE_LIMITED, failure.code());
      assertEquals(1, attempts.get());
    }
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void retriesAReadThatTimedOutAndTheUpstreamSeesTheFirstAttemptCancelled(Era era) throws Exception {
    CountDownLatch firstCancelled = new CountDownLatch(1);
    McpServer server = McpServer.builder()
        .resource(Resource.of("res://slow", "slow"), (uri, ctx) -> {
          if (attempts.incrementAndGet() == 1) {
            ctx.onCancel(firstCancelled::countDown);
            // Hangs until the client gives up on it.
            firstCancelled.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS);
          }
          return ReadResourceResult.of(TextResourceContents.of(uri, "text/plain", "answered"));
        })
        .build();
    // Generous, so that a later attempt, which answers at once, is in time even on a loaded machine.
    TimeLimiterRegistry limits =
        TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(1)).build());
    ClientResilience resilience = McpResilience.client().upstream("slow").retryRegistry(retries)
        .timeLimiterRegistry(limits).withoutRateLimiter().withoutBulkhead().withoutCircuitBreaker().build();
    AtomicInteger timeouts = new AtomicInteger();
    limits.timeLimiter("slow").getEventPublisher().onTimeout(event -> timeouts.incrementAndGet());
    try (Upstream upstream = Upstream.connect(server, era, resilience.interceptors())) {
      ReadResourceResult result = upstream.client().readResource("res://slow");

      assertEquals("answered", ((TextResourceContents) result.contents().get(0)).text());
      assertTrue(firstCancelled.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS), "the upstream saw the cancellation");
      List<String> ids = upstream.idsSent("resources/read");
      assertTrue(ids.size() >= 2, "retried: " + ids);
      assertEquals(ids.size(), new HashSet<>(ids).size(), "each attempt has its own id: " + ids);
      assertEquals(ids.get(0), upstream.cancelledIds().get(0), "the first attempt was cancelled on the wire");
      assertEquals(ids.size() - 1, timeouts.get(), "the user's time limiter reported each timeout");
    }
  }

  @Test
  void aTimeoutOfADestructiveToolIsNotRetried() {
    McpServer server = McpServer.builder()
        .tool(Tool.named("job_launch").annotations(ToolAnnotations.destructive()), (args, ctx) -> {
          attempts.incrementAndGet();
          new CountDownLatch(1).await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS);
          return CallToolResult.text("late");
        })
        .build();
    TimeLimiterRegistry limits =
        TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofMillis(200)).build());
    ClientResilience resilience = McpResilience.client().retryRegistry(retries).timeLimiterRegistry(limits)
        .withoutRateLimiter().withoutBulkhead().withoutCircuitBreaker().build();
    try (Upstream upstream = Upstream.connect(server, Era.LEGACY, resilience.interceptors())) {
      upstream.client().listAllTools();
      assertThrows(McpTimeoutException.class, () -> upstream.client().callTool("job_launch", Map.of()));
      assertEquals(1, upstream.idsSent("tools/call").size());
    }
  }
}
