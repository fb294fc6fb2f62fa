package dev.conduit.observability.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.RequestedSchema;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class McpMetricsInterceptorTest {

  private final SimpleMeterRegistry serverRegistry = new SimpleMeterRegistry();
  private final SimpleMeterRegistry clientRegistry = new SimpleMeterRegistry();
  private final CountDownLatch slowStarted = new CountDownLatch(1);
  private final CountDownLatch slowRelease = new CountDownLatch(1);
  private final McpServer server = McpServer.builder()
      .info("metrics-test", "1.0.0")
      .interceptor(McpMetricsInterceptor.builder(serverRegistry).build())
      .tool(Tool.named("echo"), (args, ctx) -> CallToolResult.text(args.requireString("message")))
      .tool(Tool.named("broken"), (args, ctx) -> CallToolResult.error("it broke"))
      .tool(Tool.named("ask"), (args, ctx) -> {
        ElicitResult answer = ctx.elicit(ElicitRequestFormParams.of("Go on?", RequestedSchema.builder().build()));
        return CallToolResult.text(answer.accepted() ? "yes" : "no");
      })
      .tool(Tool.named("slow"), (args, ctx) -> {
        slowStarted.countDown();
        slowRelease.await(30, TimeUnit.SECONDS);
        return CallToolResult.text("done");
      })
      .resource(Resource.of("config://app", "config"),
          (uri, ctx) -> ReadResourceResult.of(TextResourceContents.of(uri, null, "{}")))
      .resourceTemplate(ResourceTemplate.of("users://{id}", "user"),
          (uri, vars, ctx) -> ReadResourceResult.of(TextResourceContents.of(uri, null, vars.get("id"))))
      .build();

  @AfterEach
  void closeServer() {
    slowRelease.countDown();
    server.close();
  }

  private McpClient connect(Era era) {
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    server.connect(pair.server());
    McpClient.Builder builder = McpClient.builder().transport(pair.client()).era(era)
        .interceptor(McpMetricsInterceptor.builder(clientRegistry).build());
    McpNotificationMetrics.bindTo(builder, clientRegistry);
    return builder.connect();
  }

  @Test
  void timesAServerToolCallTaggedWithMethodToolOutcomeAndProtocolVersion() {
    try (McpClient client = connect(Era.LEGACY)) {
      client.callTool("echo", Map.of("message", "hi"));
    }
    Timer timer = serverRegistry.find("mcp.server.requests")
        .tags("method", "tools/call", "target", "echo", "outcome", "success", "error.code", "none",
            "protocol.version", "2025-11-25")
        .timer();
    assertNotNull(timer);
    assertEquals(1, timer.count());
  }

  @Test
  void timesTheSameCallOnTheClientSide() {
    try (McpClient client = connect(Era.MODERN)) {
      client.callTool("echo", Map.of("message", "hi"));
    }
    Timer timer = clientRegistry.find("mcp.client.requests")
        .tags("method", "tools/call", "target", "echo", "outcome", "success", "protocol.version", "2026-07-28")
        .timer();
    assertNotNull(timer);
    assertEquals(1, timer.count());
  }

  @Test
  void countsAToolResultWithIsErrorAsAToolErrorNotAProtocolError() {
    try (McpClient client = connect(Era.LEGACY)) {
      client.callTool("broken", Map.of());
    }
    for (var registry : new SimpleMeterRegistry[] {serverRegistry, clientRegistry}) {
      String side = registry == serverRegistry ? "server" : "client";
      assertEquals(1, registry.get("mcp." + side + ".requests")
          .tags("target", "broken", "outcome", "tool_error", "error.code", "none").timer().count(), side);
      assertEquals(1, registry.get("mcp." + side + ".errors")
          .tags("target", "broken", "outcome", "tool_error").counter().count(), side);
    }
  }

  @Test
  void countsAModernInputRoundAsInputRequiredAndTheCallAsOneClientRequest() {
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    server.connect(pair.server());
    try (McpClient client = McpClient.builder().transport(pair.client()).era(Era.MODERN)
        .interceptor(McpMetricsInterceptor.builder(clientRegistry).build())
        .elicitation(request -> ElicitResult.accept(null))
        .connect()) {
      client.callTool("ask", null);
    }
    assertEquals(1, serverRegistry.get("mcp.server.requests")
        .tags("target", "ask", "outcome", "input_required").timer().count());
    assertEquals(1, serverRegistry.get("mcp.server.requests")
        .tags("target", "ask", "outcome", "success").timer().count());
    assertEquals(1, clientRegistry.get("mcp.client.requests").tags("method", "tools/call").timer().count());
  }

  @Test
  void tagsAJsonRpcErrorWithItsCodeAndAnUnregisteredToolAsOther() {
    try (McpClient client = connect(Era.LEGACY)) {
      McpException error = assertThrows(McpException.class, () -> client.callTool("no-such-tool", Map.of()));
      assertEquals(-32602, error.code());
    }
    assertEquals(1, serverRegistry.get("mcp.server.requests")
        .tags("method", "tools/call", "target", "other", "outcome", "error", "error.code", "-32602").timer().count());
    assertEquals(1, serverRegistry.get("mcp.server.errors").tags("error.code", "-32602").counter().count());
    assertNull(serverRegistry.find("mcp.server.requests").tag("target", "no-such-tool").timer());
  }

  @Test
  void reportsAMethodMcpDoesNotDefineAsOther() {
    try (McpClient client = connect(Era.LEGACY)) {
      assertThrows(McpException.class, () -> client.request("made/up", null, RequestOptions.defaults()));
    }
    assertEquals(1, serverRegistry.get("mcp.server.requests")
        .tags("method", "other", "error.code", "-32601").timer().count());
    assertNull(serverRegistry.find("mcp.server.requests").tag("method", "made/up").timer());
  }

  @Test
  void tagsAListedResourceByUriButNeverAUriReadThroughATemplate() {
    try (McpClient client = connect(Era.LEGACY)) {
      client.listAllResources();
      client.readResource("config://app");
      client.readResource("users://42");
      client.readResource("users://43");
    }
    assertEquals(1, serverRegistry.get("mcp.server.requests")
        .tags("method", "resources/read", "target", "config://app").timer().count());
    assertEquals(2, serverRegistry.get("mcp.server.requests")
        .tags("method", "resources/read", "target", "other").timer().count());
  }

  @Test
  void capsTheNumberOfToolNamesThatBecomeTagValues() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (McpServer capped = McpServer.builder()
        .interceptor(McpMetricsInterceptor.builder(registry).maxTargets(1).build())
        .tool(Tool.named("first"), (args, ctx) -> CallToolResult.text("1"))
        .tool(Tool.named("second"), (args, ctx) -> CallToolResult.text("2"))
        .build()) {
      InMemoryTransport.Pair pair = InMemoryTransport.pair();
      capped.connect(pair.server());
      try (McpClient client = McpClient.builder().transport(pair.client()).era(Era.LEGACY).connect()) {
        client.callTool("first", null);
        client.callTool("second", null);
        client.callTool("second", null);
      }
    }
    assertNotNull(registry.find("mcp.server.requests").tag("target", "first").timer());
    assertEquals(2, registry.get("mcp.server.requests").tag("target", "other").timer().count());
  }

  @Test
  void reportsRequestsInFlightAndRunningToolCalls() throws Exception {
    try (McpClient client = connect(Era.LEGACY)) {
      CompletableFuture<CallToolResult> call = client.async().callTool("slow", null);
      assertTrue(slowStarted.await(30, TimeUnit.SECONDS));
      assertEquals(1.0, serverRegistry.get("mcp.server.requests.active").gauge().value());
      assertEquals(1.0, clientRegistry.get("mcp.client.requests.active").gauge().value());
      LongTaskTimer running = serverRegistry.get("mcp.server.tool.calls.active").longTaskTimer();
      assertEquals(1, running.activeTasks());
      slowRelease.countDown();
      call.get(30, TimeUnit.SECONDS);
    }
    assertEquals(0.0, serverRegistry.get("mcp.server.requests.active").gauge().value());
    assertEquals(0, serverRegistry.get("mcp.server.tool.calls.active").longTaskTimer().activeTasks());
  }

  @Test
  void twoInterceptorsOnOneRegistryCountIntoOneInFlightGauge() throws Exception {
    SimpleMeterRegistry shared = new SimpleMeterRegistry();
    CountDownLatch bothStarted = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    try (McpServer first = waitingServer(shared, bothStarted, release);
        McpServer second = waitingServer(shared, bothStarted, release)) {
      InMemoryTransport.Pair one = InMemoryTransport.pair();
      InMemoryTransport.Pair two = InMemoryTransport.pair();
      first.connect(one.server());
      second.connect(two.server());
      try (McpClient a = McpClient.builder().transport(one.client()).era(Era.LEGACY).connect();
          McpClient b = McpClient.builder().transport(two.client()).era(Era.LEGACY).connect()) {
        CompletableFuture<CallToolResult> callA = a.async().callTool("wait", null);
        CompletableFuture<CallToolResult> callB = b.async().callTool("wait", null);
        assertTrue(bothStarted.await(30, TimeUnit.SECONDS));
        assertEquals(2.0, shared.get("mcp.server.requests.active").gauge().value());
        release.countDown();
        callA.get(30, TimeUnit.SECONDS);
        callB.get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** A server with its own metrics interceptor whose {@code wait} tool runs until {@code release}. */
  private static McpServer waitingServer(SimpleMeterRegistry registry, CountDownLatch started, CountDownLatch release) {
    return McpServer.builder()
        .interceptor(McpMetricsInterceptor.builder(registry).build())
        .tool(Tool.named("wait"), (args, ctx) -> {
          started.countDown();
          release.await(30, TimeUnit.SECONDS);
          return CallToolResult.text("done");
        })
        .build();
  }

  @Test
  void countsTheSessionsAServerServes() {
    new McpSessionMetrics(server).bindTo(serverRegistry);
    try (McpClient first = connect(Era.LEGACY); McpClient second = connect(Era.LEGACY)) {
      assertEquals(2.0, serverRegistry.get("mcp.server.sessions.active").gauge().value());
    }
  }

  @Test
  void countsTheNotificationsTheClientReceives() throws Exception {
    CountDownLatch changed = new CountDownLatch(1);
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    server.connect(pair.server());
    McpClient.Builder builder = McpClient.builder().transport(pair.client()).era(Era.LEGACY)
        .onToolsListChanged(changed::countDown);
    McpNotificationMetrics.bindTo(builder, clientRegistry);
    try (McpClient client = builder.connect()) {
      server.addTool(Tool.named("late").build(), (args, ctx) -> CallToolResult.text("late"));
      assertTrue(changed.await(30, TimeUnit.SECONDS));
    }
    assertEquals(1, clientRegistry.get("mcp.client.notifications")
        .tag("method", "notifications/tools/list_changed").counter().count());
  }
}
