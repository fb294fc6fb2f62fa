package dev.conduit.observability.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Metrics tag requests with their target, so a request that names its tool twice must never reach the metrics
 * interceptor: it would be recorded under one name while the handler ran the other. The server's codec refuses it
 * first; no meter is tagged with either name, and the next request is recorded under the one name it carries.
 */
class AmbiguousRequestMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final McpServer server = McpServer.builder()
      .interceptor(McpMetricsInterceptor.builder(registry).build())
      .tool(Tool.named("echo"), (args, ctx) -> CallToolResult.text("echo"))
      .tool(Tool.named("admin"), (args, ctx) -> CallToolResult.text("admin"))
      .build();

  @AfterEach
  void closeServer() {
    server.close();
  }

  @Test
  void aToolNamedTwiceIsNeverRecordedUnderEitherName() {
    List<String> fromServer = new CopyOnWriteArrayList<>();
    InMemoryTransport.Pair pair = InMemoryTransport.builder().wireTap((fromClient, frame) -> {
      if (!fromClient) {
        fromServer.add(new String(frame, StandardCharsets.UTF_8));
      }
    }).build();
    server.connect(pair.server());
    try (McpClient client = McpClient.builder().transport(pair.client()).era(Era.LEGACY).connect()) {
      // Raw bytes, as no Conduit client would send them; the call after them is answered after them.
      pair.client().sendRaw(("{\"jsonrpc\":\"2.0\",\"id\":\"twice\",\"method\":\"tools/call\",\"params\":"
          + "{\"name\":\"echo\",\"name\":\"admin\",\"arguments\":{}}}").getBytes(StandardCharsets.UTF_8));
      client.callTool("admin", Map.of());
    }

    assertTrue(fromServer.stream().anyMatch(frame -> frame.contains("\"id\":\"twice\"") && frame.contains("-32600")),
        "refused as an invalid request: " + fromServer);
    Timer timer = registry.find("mcp.server.requests").tags("method", "tools/call", "target", "admin").timer();
    assertNotNull(timer);
    assertEquals(1, timer.count(), "only the call that named admin once");
    for (Meter meter : registry.getMeters()) {
      for (Tag tag : meter.getId().getTags()) {
        assertFalse(tag.getValue().equals("echo"), meter.getId().toString());
      }
    }
  }
}
