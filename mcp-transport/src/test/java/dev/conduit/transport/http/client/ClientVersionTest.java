package dev.conduit.transport.http.client;

import static dev.conduit.transport.http.client.ScriptedServer.id;
import static dev.conduit.transport.http.client.ScriptedServer.initializeResult;
import static dev.conduit.transport.http.client.ScriptedServer.json;
import static dev.conduit.transport.http.client.ScriptedServer.method;
import static dev.conduit.transport.http.client.ScriptedServer.result;
import static dev.conduit.transport.http.client.ScriptedServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.EraCache;
import dev.conduit.protocol.client.McpClient;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a client finds the version and era a server speaks: it retries a refused version with one the server lists,
 * reports a server's refusal as the server's own error, and remembers per server which era it spoke.
 */
class ClientVersionTest {

  private static final String REFUSAL = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32022,"
      + "\"message\":\"Unsupported protocol version\",\"data\":{\"supported\":[\"2099-01-01\"],"
      + "\"requested\":\"2026-07-28\"}}}";
  private static final String DISCOVERED = "{\"resultType\":\"complete\",\"supportedVersions\":[\"2026-07-28\"],"
      + "\"capabilities\":{\"tools\":{}},\"ttlMs\":0,\"cacheScope\":\"private\"}";

  private ScriptedServer server;

  @AfterEach
  void tearDown() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aServerThatRefusesEveryVersionFailsTheClientWithTheServersOwnError() throws Exception {
    server = new ScriptedServer(request -> request.getMethod().equals("POST") ? json(400, REFUSAL) : status(405));

    McpException error = assertThrows(McpException.class, () -> McpClient.builder()
        .transport(StreamableHttpClientTransport.create(server.url("/mcp"))).eraCache(EraCache.none()).connect());

    assertEquals(-32022, error.code());
    assertEquals("Unsupported protocol version", error.getMessage());
    assertEquals("[\"2099-01-01\"]", error.data().tree().path("supported").toString());
    // The refusal came as JSON-RPC: this is a Streamable HTTP server, and HTTP+SSE is not tried.
    assertTrue(server.seen().stream().noneMatch(request -> request.getMethod().equals("GET")));
  }

  @Test
  void aRefusedVersionIsRetriedWithOneTheServerLists() throws Exception {
    AtomicBoolean refused = new AtomicBoolean();
    server = new ScriptedServer(request -> {
      if (!refused.getAndSet(true)) {
        return json(400, REFUSAL.replace("2099-01-01", "2026-07-28"));
      }
      return method(request).equals("server/discover") ? json(result(id(request), DISCOVERED))
          : json(result(id(request), "{\"resultType\":\"complete\",\"tools\":[]}"));
    });

    try (McpClient client = McpClient.builder().transport(StreamableHttpClientTransport.create(server.url("/mcp")))
        .era(Era.MODERN).connect()) {
      assertTrue(client.isModern());
      assertTrue(client.listAllTools().isEmpty());
    }
    List<String> methods = server.seen().stream().map(ScriptedServer::method).toList();
    assertEquals(List.of("server/discover", "server/discover", "tools/list"), methods);
    assertEquals("2026-07-28", server.seen().get(1).getHeaders().get("MCP-Protocol-Version"));
  }

  @Test
  void theEraAServerSpokeIsRememberedAndTheNextClientDoesNotProbe() throws Exception {
    server = new ScriptedServer(ClientVersionTest::legacyServer);
    EraCache cache = EraCache.of(8);
    String url = server.url("/mcp");

    for (int i = 0; i < 2; i++) {
      try (McpClient client = McpClient.builder().transport(StreamableHttpClientTransport.create(url))
          .eraCache(cache).connect()) {
        assertFalse(client.isModern());
      }
    }

    assertEquals(Era.LEGACY, cache.get(url));
    List<String> posts = server.seen().stream().filter(request -> request.getMethod().equals("POST"))
        .map(ScriptedServer::method).filter(method -> !method.startsWith("notifications/")).toList();
    assertEquals(List.of("server/discover", "initialize", "initialize"), posts);
  }

  /** A legacy server: 400 to anything before initialize, a session after it; no GET stream. */
  private static MockResponse legacyServer(RecordedRequest request) {
    if (!request.getMethod().equals("POST")) {
      return status(405);
    }
    return switch (method(request)) {
      case "initialize" -> json(initializeResult(id(request), "2025-11-25"));
      case "server/discover" -> json(400, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,"
          + "\"message\":\"Bad Request: Server not initialized\"}}");
      default -> status(202);
    };
  }
}
