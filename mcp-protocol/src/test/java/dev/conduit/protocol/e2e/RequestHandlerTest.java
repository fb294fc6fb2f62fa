package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.await;
import static dev.conduit.protocol.e2e.E2e.connect;
import static dev.conduit.protocol.e2e.E2e.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.McpTransportException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.e2e.E2e.Wire;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.RequestHandler;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@link RequestHandler}, the raw and asynchronous handler a bridge serves requests with: it gets the
 * parameters as the client sent them, its result goes out as it is (in the request's era), its stage is cancelled
 * when the request is, and a failure of a connection it made itself reaches the client as a stable message.
 */
class RequestHandlerTest {

  private static final String ECHO_RESULT = "{\"content\":[{\"type\":\"text\",\"text\":\"raw\"}],\"isError\":false}";

  private static McpServer serving(String method, RequestHandler handler) {
    return McpServer.builder().requestHandler(method, handler).build();
  }

  @BothEras
  void theHandlerGetsTheParamsUnboundAndTheirMetaIncluded(Era era) {
    AtomicReference<JsonPayload> seen = new AtomicReference<>();
    McpServer server = serving("tools/call", (params, ctx) -> {
      seen.set(params);
      return CompletableFuture.completedFuture(JsonPayload.ofJson(ECHO_RESULT));
    });
    try (McpClient client = connect(server, era)) {
      client.callTool("anything", Map.of("big", "x".repeat(10_000)),
          RequestOptions.defaults().withProgress(progress -> { }));
    }
    JsonPayload params = seen.get();
    assertTrue(params.isRaw(), "bound on the way in");
    assertEquals("anything", params.memberText("name"));
    assertNotNull(params.member("_meta").tree().get("progressToken"));
  }

  @BothEras
  void theHandlersResultReachesTheClient(Era era) {
    McpServer server = serving("tools/call", (params, ctx) -> CompletableFuture.completedFuture(
        JsonPayload.ofJson(ECHO_RESULT)));
    try (McpClient client = connect(server, era)) {
      assertEquals("raw", E2e.text(client.callTool("anything", null)));
    }
  }

  @Test
  void aModernClientGetsTheResultInModernFormWithTheOtherMembersAsTheyWere() {
    Wire wire = new Wire();
    McpServer server = McpServer.builder().info("raw", "1")
        .requestHandler("tools/list", (params, ctx) -> CompletableFuture.completedFuture(
            JsonPayload.ofJson("{\"tools\":[{\"name\":\"t\",\"inputSchema\":{\"type\":\"object\"}}],\"x-extra\":[1,2]}")))
        .build();
    try (McpClient client = E2e.client(server, Era.MODERN, wire.pair()).connect()) {
      assertEquals("t", client.listAllTools().get(0).name());
    }
    JsonNode result = wire.awaitFrame(frame -> !frame.fromClient() && frame.json().path("result").has("tools"))
        .path("result");
    assertEquals("complete", result.path("resultType").asText());
    assertEquals("raw", result.path("_meta").path("io.modelcontextprotocol/serverInfo").path("name").asText());
    assertEquals("[1,2]", result.path("x-extra").toString());
    assertTrue(result.has("ttlMs") && result.has("cacheScope"), result::toString);
  }

  @BothEras
  void theStageIsCancelledWhenTheClientCancelsTheCall(Era era) {
    CompletableFuture<JsonPayload> pending = new CompletableFuture<>();
    CompletableFuture<Void> callback = new CompletableFuture<>();
    CompletableFuture<Void> started = new CompletableFuture<>();
    McpServer server = serving("tools/call", (params, ctx) -> {
      ctx.onCancel(() -> callback.complete(null));
      started.complete(null);
      return pending;
    });
    try (McpClient client = connect(server, era)) {
      CompletableFuture<CallToolResult> call = client.async().callTool("slow", null);
      await(started);
      call.cancel(true);
      await(callback);
      await(pending.handle((result, failure) -> failure));
      assertTrue(pending.isCancelled());
    }
  }

  @BothEras
  void aStageFailingWithAnMcpExceptionAnswersItsCodeMessageAndData(Era era) {
    McpServer server = serving("tools/call", (params, ctx) ->
        CompletableFuture.failedFuture(new McpException(-32042, "Do this first", Map.of("url", "https://x"))));
    try (McpClient client = connect(server, era)) {
      McpException error = fails(() -> client.callTool("t", null));
      assertEquals(-32042, error.code());
      assertEquals("Do this first", error.getMessage());
      assertEquals("https://x", error.data().tree().path("url").asText());
    }
  }

  @BothEras
  void aLostUpstreamConnectionAnswersAStableMessageThatNamesNoHost(Era era) {
    McpServer server = serving("tools/call", (params, ctx) -> CompletableFuture.failedFuture(
        new McpConnectionClosedException("Connection lost: Failed to connect to secret-host/10.0.0.7:8080",
            new IOException("secret-host"))));
    try (McpClient client = connect(server, era)) {
      McpException error = fails(() -> client.callTool("t", null));
      assertEquals(ErrorCodes.UPSTREAM_UNAVAILABLE, error.code());
      assertEquals("Upstream server unavailable", error.getMessage());
    }
  }

  @BothEras
  void anUpstreamTransportFailureAnswersAStableMessageThatNamesNoHost(Era era) {
    McpServer server = serving("tools/call", (params, ctx) -> CompletableFuture.failedFuture(
        new McpTransportException(-32000, "HTTP 502 Bad Gateway from POST http://secret-host:8080/mcp")));
    try (McpClient client = connect(server, era)) {
      McpException error = fails(() -> client.callTool("t", null));
      assertEquals(ErrorCodes.UPSTREAM_UNAVAILABLE, error.code());
      assertFalse(error.getMessage().contains("secret-host"));
    }
  }

  @BothEras
  void aHandlerThatThrowsOrReturnsNoStageAnswersAnInternalError(Era era) {
    McpServer server = McpServer.builder()
        .requestHandler("tools/call", (params, ctx) -> {
          throw new IllegalStateException("secret detail");
        })
        .requestHandler("prompts/get", (params, ctx) -> null)
        .build();
    try (McpClient client = connect(server, era)) {
      McpException thrown = fails(() -> client.callTool("t", null));
      assertEquals(ErrorCodes.INTERNAL_ERROR, thrown.code());
      assertFalse(thrown.getMessage().contains("secret"));
      assertEquals(ErrorCodes.INTERNAL_ERROR, fails(() -> client.getPrompt("p", Map.of())).code());
    }
  }

  @BothEras
  void aFallbackHandlerServesMethodsNobodyElseKnows(Era era) {
    McpServer server = McpServer.builder()
        .tool(Tool.named("local"), (args, ctx) -> CallToolResult.text("local"))
        .fallbackHandler((params, ctx) -> CompletableFuture.completedFuture(
            JsonPayload.ofJson("{\"method\":\"" + ctx.method() + "\"}")))
        .build();
    try (McpClient client = connect(server, era)) {
      assertEquals("x/custom", client.request("x/custom", Map.of(), RequestOptions.defaults()).memberText("method"));
      assertEquals("local", E2e.text(client.callTool("local", null)), "the server's own features stay its own");
    }
  }

  @Test
  void theEngineKeepsTheMethodsItServesItself() {
    McpServer.Builder builder = McpServer.builder();
    RequestHandler any = (params, ctx) -> CompletableFuture.completedFuture(params);
    for (String method : new String[] {"initialize", "logging/setLevel", "server/discover",
        "subscriptions/listen", "resources/subscribe", "resources/unsubscribe"}) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> builder.requestHandler(method, any));
      assertTrue(refused.getMessage().contains(method), refused.getMessage());
    }
  }

  @Test
  void aLegacyPingCanBeServedByAHandler() {
    McpServer server = serving("ping", (params, ctx) -> CompletableFuture.failedFuture(
        new McpException(ErrorCodes.UPSTREAM_UNAVAILABLE, "Upstream server unavailable")));
    try (McpClient client = connect(server, Era.LEGACY)) {
      assertEquals(ErrorCodes.UPSTREAM_UNAVAILABLE, fails(client::ping).code());
    }
  }

  @BothEras
  void theServerDeclaresTheFeaturesItsHandlersServe(Era era) {
    CompletionStage<JsonPayload> none = CompletableFuture.completedFuture(JsonPayload.ofJson("{}"));
    McpServer server = McpServer.builder()
        .requestHandler("tools/call", (params, ctx) -> none)
        .requestHandler("prompts/list", (params, ctx) -> none)
        .build();
    try (McpClient client = connect(server, era)) {
      assertTrue(client.serverCapabilities().hasTools());
      assertTrue(client.serverCapabilities().hasPrompts());
      assertFalse(client.serverCapabilities().hasResources());
    }
  }
}
