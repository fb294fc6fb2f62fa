package dev.conduit.transport.http.client;

import static dev.conduit.transport.http.client.ScriptedServer.id;
import static dev.conduit.transport.http.client.ScriptedServer.json;
import static dev.conduit.transport.http.client.ScriptedServer.method;
import static dev.conduit.transport.http.client.ScriptedServer.result;
import static dev.conduit.transport.http.client.ScriptedServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real {@link McpClient} against replicas of the mock servers of the conformance suite's client scenarios
 * {@code initialize} and {@code sse-retry}, as the reference notes describe them.
 */
class ConformanceMocksTest {

  private static final String INIT_RESULT = "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":{}},"
      + "\"serverInfo\":{\"name\":\"mock\",\"version\":\"1.0.0\"}}";

  private ScriptedServer server;
  private final EventStream standaloneGet = EventStream.open();

  @AfterEach
  void tearDown() throws Exception {
    standaloneGet.end();
    if (server != null) {
      server.close();
    }
  }

  /** JSON for initialize, tools for tools/list, 200 {"result":{}} (no id) for everything else, 400 for GET. */
  private static MockResponse initializeMock(RecordedRequest request) {
    if (!request.getMethod().equals("POST")) {
      return json(400, "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
    }
    return switch (method(request)) {
      case "initialize" -> json(result(id(request), INIT_RESULT));
      case "tools/list" -> json(result(id(request), "{\"tools\":[]}"));
      default -> json("{\"jsonrpc\":\"2.0\",\"result\":{}}");
    };
  }

  @Test
  void theInitializeScenarioConnectsListsAndCloses() throws Exception {
    server = new ScriptedServer(ConformanceMocksTest::initializeMock);

    try (McpClient client = McpClient.connect(StreamableHttpClientTransport.create(server.url("/")))) {
      assertEquals(List.of(), client.listAllTools());
      assertEquals(ProtocolVersion.V2025_11_25, client.protocolVersion());
    }
    RecordedRequest init = server.seen().stream().filter(r -> method(r).equals("initialize")).findFirst()
        .orElseThrow();
    String version = ScriptedServer.body(init).path("params").path("protocolVersion").asText();
    assertTrue(version.equals("2025-06-18") || version.equals("2025-11-25"), version);
    assertTrue(server.seen().stream().anyMatch(r -> method(r).equals("notifications/initialized")));
  }

  @Test
  void theSseRetryScenarioResumesTheToolCallOnAGetAfterTheRetryDelay() throws Exception {
    AtomicReference<String> pending = new AtomicReference<>();
    AtomicReference<EventStream> toolStream = new AtomicReference<>();
    AtomicLong resumed = new AtomicLong();
    AtomicInteger eventIds = new AtomicInteger();
    Headers session = Headers.of("mcp-session-id", "session-1");
    server = new ScriptedServer(request -> {
      if (request.getMethod().equals("GET")) {
        String callId = pending.getAndSet(null);
        if (callId == null) {
          return standaloneGet.send("id: event-" + eventIds.incrementAndGet() + "\nretry: 500\ndata: \n\n")
              .response(new MockResponse.Builder().headers(session));
        }
        resumed.set(System.nanoTime());
        return EventStream.of("id: event-" + eventIds.incrementAndGet() + "\nretry: 500\ndata: \n\n",
                "event: message\nid: event-" + eventIds.incrementAndGet() + "\ndata: " + result(callId,
                    "{\"content\":[{\"type\":\"text\",\"text\":\"Reconnection test completed successfully\"}]}")
                    + "\n\n")
            .response(new MockResponse.Builder().headers(session));
      }
      if (!request.getMethod().equals("POST")) {
        return status(405);
      }
      return switch (method(request)) {
        case "initialize" -> json(200, result(id(request), INIT_RESULT), session);
        case "tools/call" -> {
          // A priming event, then the end of the stream, with no response.
          pending.set(id(request));
          toolStream.set(EventStream.of("id: event-" + eventIds.incrementAndGet() + "\nretry: 500\ndata: \n\n"));
          yield toolStream.get().response(new MockResponse.Builder().headers(session));
        }
        default -> method(request).startsWith("notifications/")
            ? status(202)
            : json(200, result(id(request), "{}"), session);
      };
    });

    try (McpClient client = McpClient.connect(StreamableHttpClientTransport.create(server.url("/")))) {
      CallToolResult result = client.callTool("test_reconnection", Map.of());
      assertEquals("Reconnection test completed successfully", ((TextContent) result.content().get(0)).text());
    }
    RecordedRequest resume = server.seen().stream()
        .filter(r -> r.getMethod().equals("GET") && r.getHeaders().get("Last-Event-ID") != null)
        .findFirst().orElseThrow();
    assertEquals("session-1", resume.getHeaders().get("Mcp-Session-Id"));
    long waited = TimeUnit.NANOSECONDS.toMillis(resumed.get() - toolStream.get().endedAtNanos());
    assertTrue(waited >= 450, "reconnected " + waited + " ms after the stream closed; the server asked for 500");
  }
}
