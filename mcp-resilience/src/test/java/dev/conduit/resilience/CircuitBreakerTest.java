package dev.conduit.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.RetryHint;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The breaker of one upstream, driven by a real server that fails on demand, and by a connection that dies. */
class CircuitBreakerTest {

  private final AtomicBoolean failing = new AtomicBoolean(true);
  private final AtomicInteger calls = new AtomicInteger();

  /** Opens after two failures of two calls, lets one trial call through after the wait. */
  private static CircuitBreakerRegistry registry(Duration openFor) {
    return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(2)
        .minimumNumberOfCalls(2)
        .failureRateThreshold(50)
        .waitDurationInOpenState(openFor)
        .permittedNumberOfCallsInHalfOpenState(1)
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .build());
  }

  private McpServer server() {
    return McpServer.builder()
        .tool(Tool.named("work"), (args, ctx) -> {
          calls.incrementAndGet();
          if (failing.get()) {
            throw new McpException(ErrorCodes.INTERNAL_ERROR, "Internal error");
          }
          return CallToolResult.text("ok");
        })
        .tool(Tool.named("refuse"), (args, ctx) -> {
          calls.incrementAndGet();
          return CallToolResult.error("the model asked for something impossible");
        })
        .tool(Tool.named("picky"), (args, ctx) -> {
          calls.incrementAndGet();
          throw McpException.invalidParams("Invalid params: no");
        })
        .build();
  }

  private static List<McpInterceptor> onlyBreaker(CircuitBreakerRegistry registry) {
    return McpResilience.client().upstream("breaker-test").circuitBreakerRegistry(registry)
        .withoutRateLimiter().withoutBulkhead().withoutRetry().withoutTimeLimiter().build().interceptors();
  }

  @Test
  void goesFromClosedToOpenToHalfOpenAndBackToClosed() throws Exception {
    CircuitBreakerRegistry registry = registry(Duration.ofMillis(300));
    CircuitBreaker breaker = registry.circuitBreaker("breaker-test");
    List<CircuitBreaker.StateTransition> transitions = new CopyOnWriteArrayList<>();
    CountDownLatch halfOpen = new CountDownLatch(1);
    breaker.getEventPublisher().onStateTransition(event -> {
      transitions.add(event.getStateTransition());
      if (event.getStateTransition().getToState() == CircuitBreaker.State.HALF_OPEN) {
        halfOpen.countDown();
      }
    });
    try (Upstream upstream = Upstream.connect(server(), Era.LEGACY, onlyBreaker(registry))) {
      for (int i = 0; i < 2; i++) {
        McpException failure = assertThrows(McpException.class, () -> upstream.client().callTool("work", Map.of()));
        assertEquals(ErrorCodes.INTERNAL_ERROR, failure.code());
      }
      assertEquals(CircuitBreaker.State.OPEN, breaker.getState());

      McpException refused = assertThrows(McpException.class, () -> upstream.client().callTool("work", Map.of()));
      assertEquals(ErrorCodes.UPSTREAM_UNAVAILABLE, refused.code());
      RetryHint hint = RetryHint.of(refused.data()).orElseThrow();
      assertTrue(hint.retryAfter() != null && hint.retryAfter().toMillis() <= 300, "retry after " + hint);
      assertEquals(2, calls.get(), "the open breaker kept the call off the upstream");

      assertTrue(halfOpen.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS));
      failing.set(false);
      upstream.client().callTool("work", Map.of());

      assertEquals(CircuitBreaker.State.CLOSED, breaker.getState());
      assertEquals(List.of(CircuitBreaker.StateTransition.CLOSED_TO_OPEN,
          CircuitBreaker.StateTransition.OPEN_TO_HALF_OPEN,
          CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED), transitions);
    }
  }

  @Test
  void aFailedTrialCallOpensTheBreakerAgain() throws Exception {
    CircuitBreakerRegistry registry = registry(Duration.ofMillis(200));
    CircuitBreaker breaker = registry.circuitBreaker("breaker-test");
    CountDownLatch halfOpen = new CountDownLatch(1);
    breaker.getEventPublisher().onStateTransition(event -> {
      if (event.getStateTransition().getToState() == CircuitBreaker.State.HALF_OPEN) {
        halfOpen.countDown();
      }
    });
    try (Upstream upstream = Upstream.connect(server(), Era.LEGACY, onlyBreaker(registry))) {
      for (int i = 0; i < 2; i++) {
        assertThrows(McpException.class, () -> upstream.client().callTool("work", Map.of()));
      }
      assertTrue(halfOpen.await(Upstream.WAIT_SECONDS, TimeUnit.SECONDS));

      McpException trial = assertThrows(McpException.class, () -> upstream.client().callTool("work", Map.of()));

      assertEquals(ErrorCodes.INTERNAL_ERROR, trial.code());
      assertEquals(CircuitBreaker.State.OPEN, breaker.getState());
    }
  }

  @Test
  void aToolResultWithIsErrorIsNotAFailure() {
    CircuitBreakerRegistry registry = registry(Duration.ofMinutes(1));
    try (Upstream upstream = Upstream.connect(server(), Era.LEGACY, onlyBreaker(registry))) {
      for (int i = 0; i < 4; i++) {
        assertTrue(upstream.client().callTool("refuse", Map.of()).isError());
      }
      CircuitBreaker breaker = registry.circuitBreaker("breaker-test");
      assertEquals(CircuitBreaker.State.CLOSED, breaker.getState());
      assertEquals(0, breaker.getMetrics().getNumberOfFailedCalls());
      assertEquals(0.0f, breaker.getMetrics().getFailureRate());
    }
  }

  @Test
  void anInvalidParamsErrorIsNotAFailure() {
    CircuitBreakerRegistry registry = registry(Duration.ofMinutes(1));
    try (Upstream upstream = Upstream.connect(server(), Era.LEGACY, onlyBreaker(registry))) {
      for (int i = 0; i < 4; i++) {
        assertThrows(McpException.class, () -> upstream.client().callTool("picky", Map.of()));
      }
      assertEquals(CircuitBreaker.State.CLOSED, registry.circuitBreaker("breaker-test").getState());
    }
  }

  @Test
  void transportErrorsOpenTheBreaker() {
    CircuitBreakerRegistry registry = registry(Duration.ofMinutes(1));
    try (Upstream upstream = Upstream.connect(server(), Era.LEGACY, onlyBreaker(registry))) {
      upstream.cut();

      for (int i = 0; i < 2; i++) {
        McpException failure = assertThrows(McpException.class, () -> upstream.client().callTool("work", Map.of()));
        assertEquals(McpConnectionClosedException.CODE, failure.code(), failure::toString);
      }
      McpException refused = assertThrows(McpException.class, () -> upstream.client().callTool("work", Map.of()));

      assertEquals(ErrorCodes.UPSTREAM_UNAVAILABLE, refused.code());
      assertTrue(RetryHint.of(refused.data()).isPresent());
      assertEquals(CircuitBreaker.State.OPEN, registry.circuitBreaker("breaker-test").getState());
    }
  }

  @Test
  void clientsThatNameTheSameUpstreamShareOneBreaker() {
    CircuitBreakerRegistry registry = registry(Duration.ofMinutes(1));
    try (Upstream first = Upstream.connect(server(), Era.LEGACY, onlyBreaker(registry));
        Upstream second = Upstream.connect(server(), Era.LEGACY, onlyBreaker(registry))) {
      assertThrows(McpException.class, () -> first.client().callTool("work", Map.of()));
      assertThrows(McpException.class, () -> first.client().callTool("work", Map.of()));

      McpException refused = assertThrows(McpException.class, () -> second.client().callTool("work", Map.of()));

      assertEquals(ErrorCodes.UPSTREAM_UNAVAILABLE, refused.code());
      assertEquals(2, calls.get());
    }
  }
}
