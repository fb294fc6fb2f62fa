package dev.conduit.transport.http.client;

import static dev.conduit.transport.http.client.ScriptedServer.id;
import static dev.conduit.transport.http.client.ScriptedServer.initializeResult;
import static dev.conduit.transport.http.client.ScriptedServer.json;
import static dev.conduit.transport.http.client.ScriptedServer.method;
import static dev.conduit.transport.http.client.ScriptedServer.result;
import static dev.conduit.transport.http.client.ScriptedServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.McpTimeoutException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cancelling a request: by closing its stream (2026-07-28), or by telling the server (earlier revisions). */
class StreamableHttpCancellationTest {

  private static final String DISCOVER = "{\"supportedVersions\":[\"2026-07-28\"],\"capabilities\":{\"tools\":{}},"
      + "\"ttlMs\":0,\"cacheScope\":\"private\",\"resultType\":\"complete\"}";

  private final EventStream slow = EventStream.open();
  private ScriptedServer server;

  @AfterEach
  void tearDown() throws Exception {
    slow.end();
    if (server != null) {
      server.close();
    }
  }

  private MockResponse server(RecordedRequest request) {
    String method = method(request);
    if (request.getMethod().equals("GET")) {
      return status(405);
    }
    return switch (method) {
      case "server/discover" -> json(result(id(request), DISCOVER));
      case "initialize" ->
          json(200, initializeResult(id(request), "2025-11-25"), Headers.of("Mcp-Session-Id", "s-1"));
      case "tools/call" -> slow.response();
      case "tools/list" -> json(result(id(request), "{\"tools\":[],\"resultType\":\"complete\"}"));
      default -> status(202);
    };
  }

  @Test
  void aModernRequestIsCancelledByClosingItsStreamWithoutNotifyingTheServer() throws Exception {
    server = new ScriptedServer(this::server);
    StreamableHttpClientTransport transport = StreamableHttpClientTransport.builder(server.url("/mcp")).build();

    try (McpClient client = McpClient.builder().transport(transport).era(Era.MODERN).connect()) {
      assertThrows(McpTimeoutException.class,
          () -> client.callTool("slow", Map.of(), RequestOptions.timeout(Duration.ofMillis(300))));

      assertTrue(slow.awaitDisconnected(), "the server should see the stream closed");
      client.listTools(null);
    }

    List<String> posts = server.seen().stream().filter(r -> r.getMethod().equals("POST"))
        .map(ScriptedServer::method).toList();
    assertEquals(List.of("server/discover", "tools/call", "tools/list"), posts);
  }

  @Test
  void aLegacyRequestIsCancelledWithNotificationsCancelled() throws Exception {
    server = new ScriptedServer(this::server);
    StreamableHttpClientTransport transport = StreamableHttpClientTransport.builder(server.url("/mcp")).build();

    try (McpClient client = McpClient.builder().transport(transport).era(Era.LEGACY).connect()) {
      assertThrows(McpTimeoutException.class,
          () -> client.callTool("slow", Map.of(), RequestOptions.timeout(Duration.ofMillis(300))));

      RecordedRequest cancelled = server.takeNonGet();
      while (!method(cancelled).equals("notifications/cancelled")) {
        cancelled = server.takeNonGet();
      }
      RecordedRequest call = server.seen().stream().filter(r -> method(r).equals("tools/call")).findFirst()
          .orElseThrow();
      JsonNode params = ScriptedServer.body(cancelled).path("params");
      assertEquals(ScriptedServer.body(call).path("id"), params.path("requestId"));
      assertEquals("s-1", cancelled.getHeaders().get("Mcp-Session-Id"));
    }
  }
}
