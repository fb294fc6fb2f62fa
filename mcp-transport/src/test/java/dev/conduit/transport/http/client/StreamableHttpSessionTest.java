package dev.conduit.transport.http.client;

import static dev.conduit.transport.http.client.ScriptedServer.id;
import static dev.conduit.transport.http.client.ScriptedServer.initializeResult;
import static dev.conduit.transport.http.client.ScriptedServer.json;
import static dev.conduit.transport.http.client.ScriptedServer.method;
import static dev.conduit.transport.http.client.ScriptedServer.result;
import static dev.conduit.transport.http.client.ScriptedServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions that the server forgets, renewed without the client noticing. */
class StreamableHttpSessionTest {

  private static final String SESSION_NOT_FOUND =
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"Session not found\"},\"id\":null}";

  private final AtomicInteger sessions = new AtomicInteger();
  private final Set<String> live = ConcurrentHashMap.newKeySet();
  private volatile boolean expireNextCall = true;
  private ScriptedServer server;
  private StreamableHttpClientTransport transport;

  @AfterEach
  void tearDown() throws Exception {
    if (transport != null) {
      transport.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** A stateful server that forgets the session when the first tools/call arrives. */
  private MockResponse statefulServer(RecordedRequest request) {
    String session = request.getHeaders().get("Mcp-Session-Id");
    String method = method(request);
    if (request.getMethod().equals("GET")) {
      return status(405);
    }
    if (request.getMethod().equals("DELETE")) {
      live.remove(session);
      return status(200);
    }
    if (method.equals("initialize")) {
      String assigned = "s-" + sessions.incrementAndGet();
      live.add(assigned);
      return json(200, initializeResult(id(request), "2025-11-25"), Headers.of("Mcp-Session-Id", assigned));
    }
    if (session == null || !live.contains(session)) {
      return json(404, SESSION_NOT_FOUND);
    }
    if (method.equals("tools/call") && expireNextCall) {
      expireNextCall = false;
      live.remove(session);
      return json(404, SESSION_NOT_FOUND);
    }
    if (method.startsWith("notifications/")) {
      return status(202);
    }
    return json(result(id(request), "{\"content\":[{\"type\":\"text\",\"text\":\"ok from " + session + "\"}]}"));
  }

  @Test
  void a404ForAKnownSessionIsAnsweredByInitializingAgainAndRetrying() throws Exception {
    server = new ScriptedServer(this::statefulServer);
    transport = StreamableHttpClientTransport.builder(server.url("/mcp")).build();

    try (McpClient client = McpClient.builder().transport(transport).era(Era.LEGACY).connect()) {
      CallToolResult result = client.callTool("echo", Map.of());
      assertEquals("ok from s-2", ((TextContent) result.content().get(0)).text());
    }

    List<RecordedRequest> posts = server.seen().stream().filter(r -> r.getMethod().equals("POST")).toList();
    assertEquals(List.of("initialize", "notifications/initialized", "tools/call", "initialize",
        "notifications/initialized", "tools/call"), posts.stream().map(ScriptedServer::method).toList());
    RecordedRequest replay = posts.get(3);
    assertNull(replay.getHeaders().get("Mcp-Session-Id"));
    assertEquals(ScriptedServer.body(posts.get(0)).path("params"), ScriptedServer.body(replay).path("params"));
    assertNotEquals(id(posts.get(0)), id(replay));
    assertEquals("s-2", posts.get(4).getHeaders().get("Mcp-Session-Id"));
    assertEquals("s-2", posts.get(5).getHeaders().get("Mcp-Session-Id"));
    assertEquals(id(posts.get(2)), id(posts.get(5)));
  }

  @Test
  void aSecond404InARowIsReportedAsTheCallsError() throws Exception {
    server = new ScriptedServer(request -> {
      MockResponse answer = statefulServer(request);
      // Every tools/call meets a 404, even in a fresh session.
      if (method(request).equals("tools/call")) {
        live.remove(request.getHeaders().get("Mcp-Session-Id"));
        return json(404, SESSION_NOT_FOUND);
      }
      return answer;
    });
    transport = StreamableHttpClientTransport.builder(server.url("/mcp")).build();

    try (McpClient client = McpClient.builder().transport(transport).era(Era.LEGACY).connect()) {
      McpException failure = assertThrows(McpException.class, () -> client.callTool("echo", Map.of()));
      assertEquals(-32001, failure.code());
    }
    assertEquals(2, server.seen().stream().filter(r -> method(r).equals("tools/call")).count());
  }
}
