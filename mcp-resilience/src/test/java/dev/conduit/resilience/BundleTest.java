package dev.conduit.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ready-made bundles: their order, their one-line use, and the registries they draw from. */
class BundleTest {

  private static List<String> kinds(List<McpInterceptor> interceptors) {
    return interceptors.stream().map(i -> i.getClass().getSimpleName()).collect(Collectors.toList());
  }

  @Test
  void theClientDefaultsRunInTheDocumentedOrder() {
    assertEquals(List.of("RateLimitInterceptor", "BulkheadInterceptor", "CircuitBreakerInterceptor",
        "RetryInterceptor", "TimeLimitInterceptor"), kinds(McpResilience.defaults().interceptors()));
  }

  @Test
  void theServerDefaultsLimitTheRateBeforeTheConcurrency() {
    assertEquals(List.of("RateLimitInterceptor", "BulkheadInterceptor"),
        kinds(McpResilience.serverDefaults().interceptors()));
  }

  @Test
  void partsTurnedOffAreLeftOut() {
    ClientResilience resilience = McpResilience.client().withoutRateLimiter().withoutTimeLimiter().build();
    assertEquals(List.of("BulkheadInterceptor", "CircuitBreakerInterceptor", "RetryInterceptor"),
        kinds(resilience.interceptors()));
  }

  @Test
  void theDefaultsWrapAClientInOneLineAndCallsPassThrough() {
    McpServer server = McpResilience.serverDefaults()
        .applyTo(McpServer.builder().tool(Tool.named("echo"), (args, ctx) -> CallToolResult.text("echo")))
        .build();
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    server.connect(pair.server());

    try (McpClient client = McpResilience.defaults().applyTo(McpClient.builder().transport(pair.client())).connect()) {
      assertEquals("echo", ((TextContent) client.callTool("echo", Map.of()).content().get(0)).text());
    }
  }

  @Test
  void everyPartComesFromTheUsersRegistriesUnderTheUpstreamsName() {
    RetryRegistry retries = RetryRegistry.ofDefaults();
    CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();
    BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
    TimeLimiterRegistry timeLimiters = TimeLimiterRegistry.ofDefaults();
    ClientResilience resilience = McpResilience.client().upstream("awx-prod").retryRegistry(retries)
        .circuitBreakerRegistry(breakers).rateLimiterRegistry(limiters).bulkheadRegistry(bulkheads)
        .timeLimiterRegistry(timeLimiters).build();
    McpServer server = McpServer.builder().tool(Tool.named("echo"), (args, ctx) -> CallToolResult.text("echo")).build();
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    server.connect(pair.server());

    try (McpClient client = resilience.applyTo(McpClient.builder().transport(pair.client())).connect()) {
      client.callTool("echo", Map.of());
    }

    assertEquals("awx-prod", resilience.upstream());
    assertTrue(retries.find("awx-prod").isPresent());
    assertTrue(breakers.find("awx-prod").isPresent());
    assertTrue(limiters.find("awx-prod").isPresent());
    assertTrue(timeLimiters.find("awx-prod").isPresent());
    assertEquals(List.of("awx-prod", "awx-prod/tools/echo"),
        bulkheads.getAllBulkheads().stream().map(Bulkhead::getName).sorted().collect(Collectors.toList()));
    assertEquals(1, breakers.circuitBreaker("awx-prod").getMetrics().getNumberOfSuccessfulCalls());
  }

  @Test
  void unnamedBundlesGuardDifferentUpstreams() {
    assertNotEquals(McpResilience.defaults().upstream(), McpResilience.defaults().upstream());
  }
}
