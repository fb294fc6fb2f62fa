package dev.conduit.transport.websocket;

import static dev.conduit.transport.websocket.ToolServer.WAIT_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.ProgressNotificationParams;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.ServerSession;
import dev.conduit.transport.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our client transport and {@link McpClient} against {@link McpWebSocket} and an {@link dev.conduit.protocol.server.McpServer} in Jetty. */
class McpOverWebSocketTest {

  private ToolServer tools;

  @BeforeEach
  void start() throws Exception {
    tools = new ToolServer();
  }

  @AfterEach
  void stop() throws Exception {
    tools.close();
  }

  private McpClient.Builder client() {
    return McpClient.builder().transport(WebSocketClientTransport.create(tools.url()))
        .requestTimeout(Duration.ofMinutes(1));
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  @Test
  void aLegacyClientListsAndCallsTools() {
    try (McpClient client = client().era(Era.LEGACY).connect()) {
      List<String> names = client.listAllTools().stream().map(Tool::name).toList();

      assertTrue(names.containsAll(List.of("echo", "progress", "wait", "ask", "whoami")), names.toString());
      assertEquals("hi", text(client.callTool("echo", Map.of("message", "hi"))));
      assertFalse(client.isModern());
    }
  }

  @Test
  void aModernClientSpeaksTheStatelessEraOverTheSameEndpoint() {
    try (McpClient client = client().era(Era.MODERN).connect()) {
      assertTrue(client.isModern());
      assertEquals("hi", text(client.callTool("echo", Map.of("message", "hi"))));
    }
  }

  @Test
  void aClientThatAsksTheServerFindsTheModernEra() {
    try (McpClient client = client().era(Era.AUTO).connect()) {
      assertTrue(client.isModern());
      assertEquals("auto", text(client.callTool("echo", Map.of("message", "auto"))));
    }
  }

  @Test
  void progressNotificationsReachTheCallerBeforeTheResult() {
    List<ProgressNotificationParams> progress = new CopyOnWriteArrayList<>();
    try (McpClient client = client().era(Era.LEGACY).connect()) {
      CallToolResult result = client.callTool("progress", Map.of(), RequestOptions.progress(progress::add));

      assertEquals("done", text(result));
      assertEquals(List.of(1.0, 2.0, 3.0), progress.stream().map(ProgressNotificationParams::progress).toList());
    }
  }

  @Test
  void cancellingACallCancelsItsHandler() throws Exception {
    try (McpClient client = client().era(Era.LEGACY).connect()) {
      CompletableFuture<CallToolResult> call = client.async().callTool("wait", Map.of());
      assertTrue(tools.waiting.await(WAIT_SECONDS, TimeUnit.SECONDS));

      call.cancel(true);

      assertTrue(tools.cancelled.await(WAIT_SECONDS, TimeUnit.SECONDS), "the handler saw the cancellation");
    }
  }

  @Test
  void aLegacySessionsHandlerAsksTheClientForInput() {
    try (McpClient client = client().era(Era.LEGACY)
        .elicitation(request -> ElicitResult.accept(JsonNodeFactory.instance.objectNode().put("name", "Ada")))
        .connect()) {
      assertEquals("Hello Ada", text(client.callTool("ask", Map.of())));
    }
  }

  @Test
  void handlersSeeTheHandshakeHeadersAndTheWebSocketSessionId() {
    WebSocketClientTransport transport = WebSocketClientTransport.builder(tools.url())
        .header("X-Tenant", "fixed").headers(() -> Map.of("X-Tenant", "acme")).build();
    try (McpClient client = McpClient.builder().transport(transport).era(Era.LEGACY).connect()) {
      String[] answer = text(client.callTool("whoami", Map.of())).split(" ");

      assertEquals("acme", answer[0]);
      assertFalse(answer[1].isEmpty() || answer[1].equals("null"), answer[1]);
    }
  }

  @Test
  void manyConcurrentCallsAreEachAnsweredWithTheirOwnResult() throws Exception {
    try (McpClient client = client().era(Era.LEGACY).connect()) {
      List<CompletableFuture<CallToolResult>> calls = IntStream.range(0, 200)
          .mapToObj(i -> client.async().callTool("echo", Map.of("message", "call " + i))).toList();

      for (int i = 0; i < calls.size(); i++) {
        assertEquals("call " + i, text(calls.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS)));
      }
    }
  }

  @Test
  void closingTheClientEndsTheServersSession() throws Exception {
    McpClient client = client().era(Era.LEGACY).connect();
    client.ping();
    ServerSession session = tools.server.sessions().get(0);

    client.close();

    session.closeFuture().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertTrue(session.isClosed());
  }

  @Test
  void theServerClosingTheConnectionFailsTheClientsPendingCallsAtOnce() throws Exception {
    try (McpClient client = client().era(Era.LEGACY).connect()) {
      CompletableFuture<CallToolResult> call = client.async().callTool("wait", Map.of());
      assertTrue(tools.waiting.await(WAIT_SECONDS, TimeUnit.SECONDS));

      tools.server.sessions().get(0).close();

      ExecutionException failure =
          assertThrows(ExecutionException.class, () -> call.get(WAIT_SECONDS, TimeUnit.SECONDS));
      assertInstanceOf(McpConnectionClosedException.class, failure.getCause());
      assertTrue(client.async().isClosed());
    }
  }

  @Test
  void theMcpServerShuttingDownEndsEveryConnection() throws Exception {
    try (McpClient first = client().era(Era.LEGACY).connect();
        McpClient second = client().era(Era.MODERN).connect()) {
      first.ping();
      second.ping();

      tools.server.close();

      assertTrue(Eventually.holds(() -> first.async().isClosed() && second.async().isClosed()));
    }
  }
}
