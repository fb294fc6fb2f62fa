package dev.conduit.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Bulkheads admit and key calls on the tool a request names. A request that names two tools has no one tool: on a
 * server it never reaches the bulkhead (the codec refuses it first), and on a client a per-tool bulkhead is never keyed
 * on one of the two names while the other would go out.
 */
class AmbiguousTargetTest {

  private static final String TWICE = "{\"name\":\"fast\",\"name\":\"admin\",\"arguments\":{}}";

  private final Set<String> ran = ConcurrentHashMap.newKeySet();

  private McpServer.Builder tools() {
    return McpServer.builder()
        .tool(Tool.named("fast"), (args, ctx) -> {
          ran.add("fast");
          return CallToolResult.text("fast");
        })
        .tool(Tool.named("admin"), (args, ctx) -> {
          ran.add("admin");
          return CallToolResult.text("admin");
        });
  }

  @Test
  void theServersBulkheadNeverAdmitsARequestThatNamesItsToolTwice() {
    BulkheadRegistry registry = BulkheadRegistry.of(
        BulkheadConfig.custom().maxConcurrentCalls(1).maxWaitDuration(Duration.ZERO).build());
    McpServer server = McpResilience.server().name("guarded").bulkheadRegistry(registry).withoutRateLimiter().build()
        .applyTo(tools()).build();
    AtomicInteger admitted = new AtomicInteger();
    registry.bulkhead("guarded").getEventPublisher().onCallPermitted(event -> admitted.incrementAndGet());
    try (Upstream upstream = Upstream.connect(server, Era.LEGACY, List.of())) {
      int handshake = admitted.get();
      upstream.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":\"twice\",\"method\":\"tools/call\",\"params\":" + TWICE + "}");
      upstream.client().callTool("fast", Map.of()); // one connection answers in order: this comes after

      assertTrue(upstream.sentByServer().stream().anyMatch(a -> a.contains("\"id\":\"twice\"") && a.contains("-32600")),
          "refused as an invalid request: " + upstream.sentByServer());
      assertEquals(handshake + 1, admitted.get(), "the bulkhead admitted the next call only");
      assertEquals(Set.of("fast"), ran);
    } finally {
      server.close();
    }
  }

  @Test
  void aClientsPerToolBulkheadIsNeverKeyedOnOneOfTwoNames() throws Exception {
    BulkheadRegistry registry = BulkheadRegistry.of(Map.of(
        "default", BulkheadConfig.custom().maxConcurrentCalls(10).maxWaitDuration(Duration.ZERO).build(),
        "mcp-tool", BulkheadConfig.custom().maxConcurrentCalls(1).maxWaitDuration(Duration.ZERO).build()));
    ClientResilience resilience = McpResilience.client().upstream("upstream").bulkheadRegistry(registry)
        .withoutRateLimiter().withoutRetry().withoutCircuitBreaker().withoutTimeLimiter().build();
    try (Upstream upstream = Upstream.connect(tools().build(), Era.LEGACY, resilience.interceptors())) {
      McpException failure = assertThrows(McpException.class,
          () -> upstream.client().request("tools/call", JsonPayload.ofJson(TWICE), RequestOptions.defaults()));

      assertTrue(messages(failure).contains("duplicate member 'name'"), messages(failure));
      assertEquals(List.of("upstream"), registry.getAllBulkheads().stream().map(Bulkhead::getName).toList(),
          "no per-tool bulkhead for either name");
      assertEquals(List.of(), upstream.idsSent("tools/call"), "nothing went out");
      assertEquals(Set.of(), ran);
    }
  }

  /** The messages of a failure and its causes: what the caller can learn of why. */
  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" / ");
    }
    return all.toString();
  }
}
