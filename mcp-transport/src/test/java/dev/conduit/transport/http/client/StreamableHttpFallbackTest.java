package dev.conduit.transport.http.client;

import static dev.conduit.transport.http.client.Messages.initialize;
import static dev.conduit.transport.http.client.ScriptedServer.id;
import static dev.conduit.transport.http.client.ScriptedServer.initializeResult;
import static dev.conduit.transport.http.client.ScriptedServer.method;
import static dev.conduit.transport.http.client.ScriptedServer.result;
import static dev.conduit.transport.http.client.ScriptedServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcResult;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A server that only speaks the 2024-11-05 HTTP+SSE transport, reached through the Streamable HTTP client. */
class StreamableHttpFallbackTest {

  private final EventStream events = EventStream.open();
  private ScriptedServer server;
  private StreamableHttpClientTransport transport;

  @AfterEach
  void tearDown() throws Exception {
    events.end();
    if (transport != null) {
      transport.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** POST to the URL: {@code refusal}. GET: the event stream. POST to /messages: 202, answers on the stream. */
  private MockResponse oldServer(RecordedRequest request, int refusal) {
    if (request.getMethod().equals("GET")) {
      events.send("event: endpoint\ndata: /messages?sessionId=abc\n\n");
      return events.response();
    }
    if (!request.getUrl().encodedPath().equals("/messages")) {
      return status(refusal);
    }
    String method = method(request);
    if (method.equals("initialize")) {
      events.send(EventStream.message(initializeResult(id(request), "2024-11-05")));
    } else if (method.equals("tools/call")) {
      events.send(EventStream.message(result(id(request), "{\"content\":[{\"type\":\"text\",\"text\":\"5\"}]}")));
    }
    return new MockResponse.Builder().code(202).body("Accepted").build();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 405})
  void aRefusedFirstInitializeFallsBackToHttpSse(int refusal) throws Exception {
    server = new ScriptedServer(request -> oldServer(request, refusal));
    transport = StreamableHttpClientTransport.builder(server.url("/mcp")).build();

    try (McpClient client = McpClient.connect(transport)) {
      CallToolResult result = client.callTool("add", Map.of("a", 2, "b", 3));

      assertEquals("5", ((TextContent) result.content().get(0)).text());
      assertEquals(ProtocolVersion.V2024_11_05, client.protocolVersion());
      assertTrue(transport.usesLegacySse());
    }
    List<String> sequence = server.seen().stream()
        .map(r -> r.getMethod() + " " + r.getUrl().encodedPath() + " " + method(r)).toList();
    assertEquals(List.of(
        "POST /mcp server/discover",
        "POST /mcp initialize",
        "GET /mcp ",
        "POST /messages initialize",
        "POST /messages notifications/initialized",
        "POST /messages tools/call"), sequence);
    RecordedRequest get = server.seen().get(2);
    assertEquals("text/event-stream", get.getHeaders().get("Accept"));
  }

  @Test
  void aRefusedInitializeDoesNotFallBackWhenDisabled() throws Exception {
    server = new ScriptedServer(request -> oldServer(request, 405));
    transport = StreamableHttpClientTransport.builder(server.url("/mcp")).legacyFallback(false).build();
    RecordingListener listener = new RecordingListener();
    transport.start(listener);

    transport.send(initialize(1), null);

    JsonRpcError error = listener.next(JsonRpcError.class);
    assertEquals(RequestId.of(1), error.id());
    assertTrue(error.error().message().contains("405"), error.error().message());
    assertTrue(server.seen().stream().noneMatch(r -> r.getMethod().equals("GET")));
  }

  @Test
  void theServerEndingTheFallbackStreamClosesTheTransport() throws Exception {
    server = new ScriptedServer(request -> oldServer(request, 404));
    transport = StreamableHttpClientTransport.builder(server.url("/mcp")).build();
    RecordingListener listener = new RecordingListener();
    transport.start(listener);
    transport.send(initialize(1), null);
    assertEquals(RequestId.of(1), listener.next(JsonRpcResult.class).id());

    events.end();

    assertEquals(Optional.empty(), listener.awaitClose());
    assertNull(transport.sessionId());
  }
}
