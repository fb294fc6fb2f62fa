package dev.conduit.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.RetryHint;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rate limits on a real server per caller, and on a client per upstream. */
class RateLimitTest {

  private final AtomicInteger calls = new AtomicInteger();

  /** {@code permits} requests an hour: no refill while a test runs. */
  private static RateLimiterRegistry perHour(int permits) {
    return RateLimiterRegistry.of(RateLimiterConfig.custom()
        .limitForPeriod(permits).limitRefreshPeriod(Duration.ofHours(1)).timeoutDuration(Duration.ZERO).build());
  }

  private McpServer.Builder server() {
    return McpServer.builder().tool(Tool.named("echo"), (args, ctx) -> {
      calls.incrementAndGet();
      return CallToolResult.text("echo");
    });
  }

  private static Map<String, List<String>> apiKey(String key) {
    return Map.of("X-Api-Key", List.of(key));
  }

  @Test
  void theServerEnforcesTheLimitPerCallerIdentity() {
    // Three requests each: the initialize of the handshake and two calls.
    McpServer server = McpResilience.server().callerIdentity(CallerIdentity.header("X-Api-Key"))
        .rateLimiterRegistry(perHour(3)).withoutBulkhead().build().applyTo(server()).build();
    try (Upstream alice = Upstream.connectWithHeaders(server, apiKey("alice"));
        Upstream bob = Upstream.connectWithHeaders(server, apiKey("bob"))) {
      alice.client().callTool("echo", Map.of());
      alice.client().callTool("echo", Map.of());

      McpException limited = assertThrows(McpException.class, () -> alice.client().callTool("echo", Map.of()));

      assertEquals(ErrorCodes.RATE_LIMITED, limited.code());
      RetryHint hint = RetryHint.of(limited.data()).orElseThrow();
      assertTrue(hint.retryAfter() != null && hint.retryAfter().toMillis() > 0, "retry after " + hint);
      bob.client().callTool("echo", Map.of());
      bob.client().callTool("echo", Map.of());
      assertEquals(4, calls.get(), "only the call over alice's limit was refused");
    }
  }

  @Test
  void callersWithoutAnIdentityShareOneLimit() {
    McpServer server = McpResilience.server().callerIdentity(CallerIdentity.header("X-Api-Key"))
        .rateLimiterRegistry(perHour(3)).withoutBulkhead().build().applyTo(server()).build();
    try (Upstream first = Upstream.connectWithHeaders(server, Map.of());
        Upstream second = Upstream.connectWithHeaders(server, Map.of())) {
      first.client().callTool("echo", Map.of());

      McpException limited = assertThrows(McpException.class, () -> second.client().callTool("echo", Map.of()));

      assertEquals(ErrorCodes.RATE_LIMITED, limited.code());
    }
  }

  @Test
  void theClientLimitsItsCallsToTheUpstreamAndRefusesAtOnce() {
    ClientResilience resilience = McpResilience.client().upstream("limited").rateLimiterRegistry(perHour(2))
        .withoutRetry().withoutBulkhead().withoutCircuitBreaker().withoutTimeLimiter().build();
    try (Upstream upstream = Upstream.connect(server().build(), Era.LEGACY, resilience.interceptors())) {
      upstream.client().callTool("echo", Map.of());
      upstream.client().callTool("echo", Map.of());

      McpException limited = assertThrows(McpException.class, () -> upstream.client().callTool("echo", Map.of()));

      assertEquals(ErrorCodes.RATE_LIMITED, limited.code());
      assertEquals(2, calls.get());
      assertEquals(2, upstream.idsSent("tools/call").size(), "the refused call never reached the wire");
    }
  }

  @Test
  void theClientWaitsForAPermissionWithinTheLimitersTimeout() {
    RateLimiterRegistry registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
        .limitForPeriod(1).limitRefreshPeriod(Duration.ofMillis(200)).timeoutDuration(Duration.ofSeconds(30)).build());
    ClientResilience resilience = McpResilience.client().rateLimiterRegistry(registry)
        .withoutRetry().withoutBulkhead().withoutCircuitBreaker().withoutTimeLimiter().build();
    try (Upstream upstream = Upstream.connect(server().build(), Era.LEGACY, resilience.interceptors())) {
      for (int i = 0; i < 3; i++) {
        upstream.client().callTool("echo", Map.of());
      }
      assertEquals(3, calls.get());
    }
  }
}
