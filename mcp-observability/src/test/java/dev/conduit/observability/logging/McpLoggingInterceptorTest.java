package dev.conduit.observability.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.MDC;

class McpLoggingInterceptorTest {

  private static final String LOGGER = McpLoggingInterceptor.DEFAULT_LOGGER;

  private final LogCapture logs = new LogCapture();
  private final Map<String, String> mdcInHandler = new ConcurrentHashMap<>();
  private final McpInterceptor tenant =
      chain -> chain.proceed(chain.request().withAttribute("dev.conduit.tenant", "acme"));
  private final McpServer server = McpServer.builder()
      .info("logged", "1.0.0")
      .interceptor(tenant)
      .interceptor(McpLoggingInterceptor.builder().logArguments(true).build())
      .tool(Tool.named("login"), (args, ctx) -> {
        mdcInHandler.putAll(MDC.getCopyOfContextMap() == null ? Map.of() : MDC.getCopyOfContextMap());
        return CallToolResult.text("welcome " + args.requireString("user"));
      })
      .tool(Tool.named("broken"), (args, ctx) -> CallToolResult.error("it broke"))
      .build();

  @AfterEach
  void close() {
    server.close();
    logs.close();
  }

  private McpClient connect(Era era) {
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    server.connect(pair.server());
    return McpClient.builder().transport(pair.client()).era(era)
        .interceptor(McpLoggingInterceptor.builder().logArguments(true).build())
        .connect();
  }

  private List<Map<String, Object>> requestEvents(String side, String method) {
    return logs.events(LOGGER).stream()
        .map(LogCapture::keyValues)
        .filter(kv -> side.equals(kv.get("mcp.side")) && method.equals(kv.get("mcp.method.name")))
        .toList();
  }

  @Test
  void logsOneEventPerRequestWithItsIdentityOutcomeAndDuration() {
    try (McpClient client = connect(Era.LEGACY)) {
      client.callTool("login", Map.of("user", "ada", "password", "pw"));
    }
    List<Map<String, Object>> events = requestEvents("server", "tools/call");
    assertEquals(1, events.size());
    Map<String, Object> event = events.get(0);
    assertEquals("login", event.get("gen_ai.tool.name"));
    assertEquals("success", event.get("outcome"));
    assertEquals("acme", event.get("tenant"));
    assertNotNull(event.get("jsonrpc.request.id"));
    assertTrue(event.get("duration_ms") instanceof Long);
    assertEquals(1, requestEvents("client", "tools/call").size());
  }

  @Test
  void reportsAToolErrorAndAJsonRpcErrorCode() {
    try (McpClient client = connect(Era.LEGACY)) {
      client.callTool("broken", null);
      assertThrows(McpException.class, () -> client.callTool("missing", null));
    }
    List<Map<String, Object>> events = requestEvents("server", "tools/call");
    assertEquals("tool_error", events.get(0).get("outcome"));
    assertEquals("error", events.get(1).get("outcome"));
    assertEquals(-32602, events.get(1).get("error.code"));
  }

  @Test
  void putsTheRequestIdentityInTheMdcWhileTheHandlerRuns() {
    try (McpClient client = connect(Era.LEGACY)) {
      client.callTool("login", Map.of("user", "ada"));
    }
    assertEquals("tools/call", mdcInHandler.get("mcp.method.name"));
    assertEquals("acme", mdcInHandler.get("tenant"));
    assertNotNull(mdcInHandler.get("jsonrpc.request.id"));
  }

  @Test
  void keepsControlCharactersAPeerSentOutOfTheLog() {
    try (McpClient client = connect(Era.LEGACY)) {
      assertThrows(McpException.class,
          () -> client.request("made/up\nFORGED line", null, RequestOptions.defaults()));
    }
    List<ILoggingEvent> events = logs.events(LOGGER);
    assertFalse(events.isEmpty());
    for (ILoggingEvent event : events) {
      assertFalse(LogCapture.everything(event).contains("up\nFORGED"), LogCapture.everything(event));
    }
    assertEquals(1, requestEvents("server", "made/up?FORGED line").size());
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void neverLogsASecretArgumentAtAnyLevel(Era era) {
    Map<String, Object> arguments = Map.of(
        "user", "ada",
        "password", "hunter2-SECRET-1",
        "options", Map.of("apiKey", "AKIA-SECRET-2", "retries", 3),
        "headers", List.of(Map.of("Authorization", "Bearer SECRET-3")),
        "client_secret", Map.of("value", "SECRET-4"));
    try (McpClient client = connect(era)) {
      client.callTool("login", arguments);
    }
    List<ILoggingEvent> all = logs.events();
    assertFalse(all.isEmpty());
    for (ILoggingEvent event : all) {
      String printed = LogCapture.everything(event);
      assertFalse(printed.contains("SECRET"), () -> "a secret reached the log: " + printed);
    }
    String logged = (String) requestEvents("server", "tools/call").get(0).get("arguments");
    assertTrue(logged.contains("\"user\":\"ada\""), logged);
    assertTrue(logged.contains("\"retries\":3"), logged);
    assertTrue(logged.contains("\"password\":\"[REDACTED]\""), logged);
  }
}
