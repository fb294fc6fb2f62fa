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

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.TextContent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Streamable HTTP client, answered with a result in which an object repeats a member name: whether the answer
 * comes as a JSON body (2026-07-28) or as an SSE event (a legacy session), the call fails at once with a clear
 * {@link McpException} ({@code -32600}, "Invalid response: ..."), and the client serves the next call.
 */
class AmbiguousResultOverHttpTest {

  /** The first tool call's answer names its text twice; later ones answer plainly. */
  private static final String TWICE = "{\"content\":[{\"type\":\"text\",\"text\":\"safe\",\"text\":\"evil\"}]}";
  private static final String PLAIN = "{\"content\":[{\"type\":\"text\",\"text\":\"plain\"}]}";

  private final AtomicBoolean answeredTwice = new AtomicBoolean();
  private ScriptedServer server;

  @AfterEach
  void tearDown() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private String toolResult() {
    return answeredTwice.getAndSet(true) ? PLAIN : TWICE;
  }

  private MockResponse modern(RecordedRequest request) {
    return switch (method(request)) {
      case "server/discover" -> json(result(id(request), "{\"supportedVersions\":[\"2026-07-28\"],"
          + "\"capabilities\":{\"tools\":{}},\"ttlMs\":0,\"cacheScope\":\"private\",\"resultType\":\"complete\"}"));
      case "tools/call" -> json(result(id(request), toolResult()));
      default -> status(405);
    };
  }

  private MockResponse legacy(RecordedRequest request) {
    if (request.getMethod().equals("GET")) {
      return status(405);
    }
    String method = method(request);
    if (method.startsWith("notifications/") || request.getMethod().equals("DELETE")) {
      return status(202);
    }
    String answer = method.equals("initialize")
        ? initializeResult(id(request), "2025-11-25")
        : result(id(request), toolResult());
    return EventStream.of("id: 1\n" + EventStream.message(answer))
        .response(new MockResponse.Builder().setHeader("Mcp-Session-Id", "s-1"));
  }

  /** Connects over Streamable HTTP to a server following {@code script}, then calls twice. */
  private void callTwice(Function<RecordedRequest, MockResponse> script, Era era) throws Exception {
    server = new ScriptedServer(script);
    try (McpClient client = McpClient.builder().era(era).requestTimeout(Duration.ofSeconds(30))
        .transport(StreamableHttpClientTransport.builder(server.url("/mcp")).build()).connect()) {
      McpException failure = assertThrows(McpException.class, () -> client.callTool("echo", Map.of()));
      assertEquals(-32600, failure.code(), failure.getMessage());
      assertTrue(failure.getMessage().startsWith("Invalid response: duplicate member 'text'"), failure.getMessage());
      assertEquals("plain", ((TextContent) client.callTool("echo", Map.of()).content().get(0)).text());
    }
  }

  @Test
  void aJsonAnswerWithARepeatedMemberFailsTheCall() throws Exception {
    callTwice(this::modern, Era.MODERN);
  }

  @Test
  void anSseAnswerWithARepeatedMemberFailsTheCall() throws Exception {
    callTwice(this::legacy, Era.LEGACY);
  }
}
