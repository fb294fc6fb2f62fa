package dev.conduit.transport.http.client;

import static dev.conduit.transport.http.client.ScriptedServer.id;
import static dev.conduit.transport.http.client.ScriptedServer.initializeResult;
import static dev.conduit.transport.http.client.ScriptedServer.json;
import static dev.conduit.transport.http.client.ScriptedServer.method;
import static dev.conduit.transport.http.client.ScriptedServer.result;
import static dev.conduit.transport.http.client.ScriptedServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.McpTimeoutException;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.LoggingMessageNotificationParams;
import dev.conduit.protocol.schema.TextContent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real {@link McpClient} over the Streamable HTTP transport, against scripted servers of both eras. */
class McpClientOverHttpTest {

  private static final String SUM = "{\"content\":[{\"type\":\"text\",\"text\":\"The sum of 2 and 3 is 5.\"}]}";

  private ScriptedServer server;

  @AfterEach
  void tearDown() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** Like the TypeScript SDK's stateful server: SSE answers with a priming event, a session, 405 to GET. */
  private static MockResponse legacyServer(RecordedRequest request) {
    if (request.getMethod().equals("GET")) {
      return status(405);
    }
    String method = method(request);
    if (method.equals("server/discover")) {
      return json(400, "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,"
          + "\"message\":\"Bad Request: Server not initialized\"},\"id\":null}");
    }
    if (method.startsWith("notifications/")) {
      return status(202);
    }
    String answer =
        method.equals("initialize") ? initializeResult(id(request), "2025-11-25") : result(id(request), SUM);
    String log = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\","
        + "\"params\":{\"level\":\"info\",\"data\":\"adding\"}}";
    EventStream stream = method.equals("tools/call")
        ? EventStream.of("id: 1\ndata: \n\n", EventStream.message(log), "id: 2\n" + EventStream.message(answer))
        : EventStream.of("id: 1\ndata: \n\n", "id: 2\n" + EventStream.message(answer));
    return stream.response(new MockResponse.Builder().setHeader("Mcp-Session-Id", "abc-123"));
  }

  @Test
  void anMcpClientInitializesAndCallsAToolOverStreamableHttp() throws Exception {
    server = new ScriptedServer(McpClientOverHttpTest::legacyServer);
    StreamableHttpClientTransport transport = StreamableHttpClientTransport.builder(server.url("/mcp")).build();
    BlockingQueue<String> logs = new LinkedBlockingQueue<>();

    try (McpClient client = McpClient.builder().transport(transport).info("test-client", "1.0")
        .onLog(params -> logs.add(String.valueOf(((LoggingMessageNotificationParams) params).data())))
        .connect()) {
      CallToolResult result = client.callTool("add_numbers", Map.of("a", 2, "b", 3));

      assertEquals("The sum of 2 and 3 is 5.", ((TextContent) result.content().get(0)).text());
      assertEquals(ProtocolVersion.V2025_11_25, client.protocolVersion());
      assertFalse(client.isModern());
      assertEquals("scripted", client.serverInfo().name());
    }
    String log = logs.poll(10, TimeUnit.SECONDS);
    assertTrue(log != null && log.contains("adding"), String.valueOf(log));
    RecordedRequest call = server.seen().stream().filter(r -> method(r).equals("tools/call")).findFirst().orElseThrow();
    assertEquals("abc-123", call.getHeaders().get("Mcp-Session-Id"));
    assertEquals("2025-11-25", call.getHeaders().get("MCP-Protocol-Version"));
    assertTrue(server.seen().stream().anyMatch(r -> r.getMethod().equals("DELETE")));
  }

  @Test
  void anMcpClientSpeaksTheModernEraOverStreamableHttp() throws Exception {
    server = new ScriptedServer(request -> switch (method(request)) {
      case "server/discover" -> json(result(id(request), "{\"supportedVersions\":[\"2026-07-28\"],"
          + "\"capabilities\":{\"tools\":{}},\"ttlMs\":0,\"cacheScope\":\"private\",\"resultType\":\"complete\"}"));
      case "tools/call" -> json(200, result(id(request), SUM), Headers.of());
      default -> status(405);
    });
    StreamableHttpClientTransport transport = StreamableHttpClientTransport.builder(server.url("/mcp")).build();

    try (McpClient client = McpClient.connect(transport)) {
      CallToolResult result = client.callTool("add_numbers", Map.of("a", 2, "b", 3));

      assertEquals("The sum of 2 and 3 is 5.", ((TextContent) result.content().get(0)).text());
      assertTrue(client.isModern());
    }
    RecordedRequest call = server.seen().stream().filter(r -> method(r).equals("tools/call")).findFirst().orElseThrow();
    assertEquals("2026-07-28", call.getHeaders().get("MCP-Protocol-Version"));
    assertEquals("tools/call", call.getHeaders().get("Mcp-Method"));
    assertEquals("add_numbers", call.getHeaders().get("Mcp-Name"));
    assertTrue(server.seen().stream().noneMatch(r -> r.getMethod().equals("GET") || r.getMethod().equals("DELETE")));
  }

  private static MockResponse modernServer(RecordedRequest request, MockResponse toolsCall) {
    return switch (method(request)) {
      case "server/discover" -> json(result(id(request), "{\"supportedVersions\":[\"2026-07-28\"],"
          + "\"capabilities\":{\"tools\":{}},\"ttlMs\":0,\"cacheScope\":\"private\",\"resultType\":\"complete\"}"));
      case "tools/call" -> toolsCall;
      default -> status(405);
    };
  }

  @Test
  void aBlockingCallPostsFromTheCallersOwnThreadAndAnAsyncOneDoesNot() throws Exception {
    server = new ScriptedServer(request -> modernServer(request, json(200, result(id(request), SUM), Headers.of())));
    Map<String, String> threads = new ConcurrentHashMap<>();
    OkHttpClient recording = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          String method = chain.request().header("Mcp-Method");
          threads.merge(String.valueOf(method), Thread.currentThread().getName(), (a, b) -> a + "," + b);
          return chain.proceed(chain.request());
        })
        .build();
    StreamableHttpClientTransport transport =
        StreamableHttpClientTransport.builder(server.url("/mcp")).okHttpClient(recording).build();

    try (McpClient client = McpClient.connect(transport)) {
      client.callTool("add_numbers", Map.of("a", 2, "b", 3));
      assertEquals(Thread.currentThread().getName(), threads.remove("tools/call"));

      client.async().callTool("add_numbers", Map.of("a", 2, "b", 3)).get(10, TimeUnit.SECONDS);
      assertNotEquals(Thread.currentThread().getName(), threads.remove("tools/call"));
    }
  }

  @Test
  void aBlockingCallCarryingItsOwnExchangeStillTimesOutWhenTheServerHangs() throws Exception {
    server = new ScriptedServer(request ->
        modernServer(request, new MockResponse.Builder().code(200).headersDelay(20, TimeUnit.SECONDS).build()));
    StreamableHttpClientTransport transport = StreamableHttpClientTransport.builder(server.url("/mcp")).build();

    try (McpClient client = McpClient.connect(transport)) {
      long start = System.nanoTime();
      McpException failure = assertThrows(McpException.class, () ->
          client.callTool("add_numbers", Map.of("a", 2, "b", 3), RequestOptions.timeout(Duration.ofMillis(300))));

      assertInstanceOf(McpTimeoutException.class, failure);
      assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(15)) < 0);
    }
  }
}
