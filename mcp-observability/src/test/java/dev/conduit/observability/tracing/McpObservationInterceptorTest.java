package dev.conduit.observability.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Span;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class McpObservationInterceptorTest {

  private final OtelTracing tracing = new OtelTracing();
  private final AtomicReference<String> traceIdInHandler = new AtomicReference<>();
  private final AtomicReference<String> tenantInHandler = new AtomicReference<>();

  private final McpServer server = McpServer.builder()
      .info("traced", "1.0.0")
      .interceptor(new McpObservationInterceptor(tracing.registry))
      .tool(Tool.named("echo"), (args, ctx) -> {
        Span current = tracing.tracer.currentSpan();
        traceIdInHandler.set(current == null ? null : current.context().traceId());
        tenantInHandler.set(tracing.tracer.getBaggage("tenant").get());
        return CallToolResult.text(args.requireString("message"));
      })
      .tool(Tool.named("broken"), (args, ctx) -> CallToolResult.error("it broke"))
      .build();

  @AfterEach
  void close() {
    server.close();
    tracing.close();
  }

  private McpClient connect(McpServer to, Era era) {
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    to.connect(pair.server());
    return McpClient.builder().transport(pair.client()).era(era)
        .interceptor(new McpObservationInterceptor(tracing.registry))
        .connect();
  }

  private static String attribute(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void seesOneTraceIdOnBothSidesOfAClientServerCall(Era era) throws Exception {
    try (McpClient client = connect(server, era)) {
      client.callTool("echo", Map.of("message", "hi"));
    }
    SpanData clientSpan = tracing.span(s -> s.getKind() == SpanKind.CLIENT && s.getName().equals("tools/call echo"));
    SpanData serverSpan = tracing.span(s -> s.getKind() == SpanKind.SERVER && s.getName().equals("tools/call echo"));
    assertEquals(clientSpan.getTraceId(), serverSpan.getTraceId());
    assertEquals(clientSpan.getSpanId(), serverSpan.getParentSpanId());
    assertEquals(clientSpan.getTraceId(), traceIdInHandler.get());
  }

  @Test
  void describesAToolCallWithTheMcpSemanticConventions() throws Exception {
    try (McpClient client = connect(server, Era.LEGACY)) {
      client.callTool("echo", Map.of("message", "hi"));
    }
    SpanData serverSpan = tracing.span(s -> s.getKind() == SpanKind.SERVER && s.getName().equals("tools/call echo"));
    assertEquals("tools/call", attribute(serverSpan, "mcp.method.name"));
    assertEquals("echo", attribute(serverSpan, "gen_ai.tool.name"));
    assertEquals("execute_tool", attribute(serverSpan, "gen_ai.operation.name"));
    assertEquals("2025-11-25", attribute(serverSpan, "mcp.protocol.version"));
    assertNotNull(attribute(serverSpan, "jsonrpc.request.id"));
    assertNull(attribute(serverSpan, "error.type"));
  }

  @Test
  void reportsAToolResultWithIsErrorAsErrorTypeToolError() throws Exception {
    try (McpClient client = connect(server, Era.LEGACY)) {
      client.callTool("broken", null);
    }
    SpanData clientSpan = tracing.span(s -> s.getKind() == SpanKind.CLIENT && s.getName().equals("tools/call broken"));
    assertEquals("tool_error", attribute(clientSpan, "error.type"));
  }

  @Test
  void reportsAJsonRpcErrorWithItsCodeAndAnErrorStatus() throws Exception {
    try (McpClient client = connect(server, Era.LEGACY)) {
      assertThrows(McpException.class, () -> client.callTool("missing", null));
    }
    SpanData serverSpan = tracing.span(s -> s.getKind() == SpanKind.SERVER && s.getName().equals("tools/call missing"));
    assertEquals("-32602", attribute(serverSpan, "error.type"));
    assertEquals("-32602", attribute(serverSpan, "rpc.response.status_code"));
    assertEquals(StatusCode.ERROR, serverSpan.getStatus().getStatusCode());
  }

  @Test
  void carriesBaggageFromTheClientToTheServer() throws Exception {
    try (McpClient client = connect(server, Era.MODERN)) {
      Span parent = tracing.tracer.nextSpan().name("caller").start();
      try (var inScope = tracing.tracer.withSpan(parent);
          BaggageInScope tenant = tracing.tracer.createBaggageInScope("tenant", "acme")) {
        client.callTool("echo", Map.of("message", "hi"));
      } finally {
        parent.end();
      }
    }
    assertEquals("acme", tenantInHandler.get());
  }

  @Test
  void carriesOneTraceThroughABridgeToItsUpstream() throws Exception {
    try (McpServer bridge = McpServer.builder()
        .info("bridge", "1.0.0")
        .interceptor(new McpObservationInterceptor(tracing.registry))
        .tool(Tool.named("forward"), (args, ctx) -> {
          try (McpClient upstream = connect(server, Era.LEGACY)) {
            return upstream.callTool("echo", Map.of("message", args.requireString("message")));
          }
        })
        .build();
        McpClient client = connect(bridge, Era.MODERN)) {
      CallToolResult result = client.callTool("forward", Map.of("message", "through"));
      assertEquals("through", ((TextContent) result.content().get(0)).text());
    }
    SpanData first = tracing.span(s -> s.getKind() == SpanKind.CLIENT && s.getName().equals("tools/call forward"));
    SpanData bridgeSpan = tracing.span(s -> s.getKind() == SpanKind.SERVER && s.getName().equals("tools/call forward"));
    SpanData hop = tracing.span(s -> s.getKind() == SpanKind.CLIENT && s.getName().equals("tools/call echo"));
    SpanData upstream = tracing.span(s -> s.getKind() == SpanKind.SERVER && s.getName().equals("tools/call echo"));
    assertEquals(first.getTraceId(), upstream.getTraceId());
    assertEquals(first.getSpanId(), bridgeSpan.getParentSpanId());
    assertEquals(bridgeSpan.getSpanId(), hop.getParentSpanId());
    assertEquals(hop.getSpanId(), upstream.getParentSpanId());
  }
}
