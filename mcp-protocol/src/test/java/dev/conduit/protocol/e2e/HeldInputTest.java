package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.await;
import static dev.conduit.protocol.e2e.E2e.client;
import static dev.conduit.protocol.e2e.E2e.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.e2e.E2e.Wire;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.InputRequest;
import dev.conduit.protocol.schema.ProgressNotificationParams;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.RequestContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@link RequestContext#requestInputAsync}: an asynchronous handler asks the client for input without
 * blocking. A legacy client gets a real request; a 2026-07-28 client gets an {@code input_required} round while the
 * engine holds the handler's call open, so the handler runs once however many rounds it takes, and what it returns
 * answers the client's last retry.
 */
class HeldInputTest {

  private final AtomicInteger runs = new AtomicInteger();

  private static InputRequest ask(String question) {
    return InputRequest.elicitation(ElicitRequestFormParams.of(question, InputTest.NAME_FORM));
  }

  private static String name(JsonPayload answer) {
    return answer.tree().path("content").path("name").asText();
  }

  private static CompletableFuture<JsonPayload> result(String text) {
    return CompletableFuture.completedFuture(JsonPayload.of(CallToolResult.text(text)));
  }

  /** A server whose one tool asks {@code questions} one after another and says the answers. */
  private McpServer asking(String... questions) {
    return McpServer.builder().requestHandler("tools/call", (params, ctx) -> {
      runs.incrementAndGet();
      CompletionStage<String> answers = CompletableFuture.completedFuture("");
      for (String question : questions) {
        answers = answers.thenCompose(sofar -> ctx.requestInputAsync(ask(question))
            .thenApply(answer -> sofar + (sofar.isEmpty() ? "" : ",") + name(answer)));
      }
      return answers.thenCompose(HeldInputTest::result);
    }).build();
  }

  private static McpClient.Builder answering(McpServer server, Era era, Wire wire, String... names) {
    AtomicInteger next = new AtomicInteger();
    return client(server, era, wire.pair()).elicitation(request -> ElicitResult.accept(
        E2e.object().put("name", names[next.getAndIncrement()])));
  }

  @BothEras
  void theClientsAnswerCompletesTheStageAndTheHandlerRunsOnce(Era era) {
    try (McpClient client = answering(asking("Name?"), era, new Wire(), "Ada").connect()) {
      assertEquals("Ada", E2e.text(client.callTool("who", null)));
    }
    assertEquals(1, runs.get());
  }

  @Test
  void aLegacyClientIsAskedWithARealRequest() {
    Wire wire = new Wire();
    try (McpClient client = answering(asking("Name?"), Era.LEGACY, wire, "Ada").connect()) {
      client.callTool("who", null);
    }
    assertEquals(1, wire.matching(Wire.method("elicitation/create")).size());
  }

  @Test
  void questionsAskedOneAfterAnotherTakeARoundEachOfTheSameCall() {
    Wire wire = new Wire();
    try (McpClient client = answering(asking("Name?", "Friend?"), Era.MODERN, wire, "Ada", "Bob").connect()) {
      assertEquals("Ada,Bob", E2e.text(client.callTool("who", null)));
    }
    assertEquals(1, runs.get());
    assertEquals(2, inputRequired(wire).size());
  }

  @Test
  void questionsAskedTogetherGoToTheClientInOneRound() {
    McpServer server = McpServer.builder().requestHandler("tools/call", (params, ctx) -> {
      runs.incrementAndGet();
      CompletableFuture<JsonPayload> first = ctx.requestInputAsync(ask("Name?")).toCompletableFuture();
      CompletableFuture<JsonPayload> second = ctx.requestInputAsync(ask("Friend?")).toCompletableFuture();
      return first.thenCombine(second, (a, b) -> name(a) + "+" + name(b)).thenCompose(HeldInputTest::result);
    }).build();
    Wire wire = new Wire();
    try (McpClient client = answering(server, Era.MODERN, wire, "Ada", "Bob").connect()) {
      String said = E2e.text(client.callTool("who", null));
      assertTrue(said.equals("Ada+Bob") || said.equals("Bob+Ada"), said);
    }
    List<JsonNode> rounds = inputRequired(wire);
    assertTrue(rounds.get(0).path("inputRequests").size() >= 1);
    assertEquals(2, rounds.stream().mapToInt(round -> round.path("inputRequests").size()).sum());
    assertEquals(1, runs.get());
  }

  @BothEras
  void aQuestionTheClientCannotAnswerFailsTheStageWithMissingCapability(Era era) {
    McpServer server = McpServer.builder().requestHandler("tools/call", (params, ctx) ->
        ctx.requestInputAsync(ask("Name?")).handle((answer, failure) ->
            JsonPayload.of(CallToolResult.text("refused " + ((McpException) failure).code())))).build();
    try (McpClient client = client(server, era).connect()) {
      assertEquals("refused " + ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY, text(client.callTool("who", null)));
    }
  }

  @Test
  void aBlockingHandlerCannotHoldItsCallOnAModernRequest() {
    McpServer server = McpServer.builder().tool(Tool.named("who"), (args, ctx) -> {
      try {
        ctx.requestInputAsync(ask("Name?")).toCompletableFuture().join();
        return CallToolResult.text("asked");
      } catch (java.util.concurrent.CompletionException e) {
        McpException cause = (McpException) e.getCause();
        return CallToolResult.text(cause.code() + " " + cause.getMessage());
      }
    }).build();
    try (McpClient client = client(server, Era.MODERN).elicitation(r -> ElicitResult.decline()).connect()) {
      String said = text(client.callTool("who", null));
      assertTrue(said.startsWith(ErrorCodes.INTERNAL_ERROR + " "), said);
      assertTrue(said.contains("elicit()"), said);
    }
  }

  @Test
  void progressAfterAnAnswerReachesTheCallThroughTheRoundTheClientWaitsOn() {
    McpServer server = McpServer.builder().requestHandler("tools/call", (params, ctx) ->
        ctx.requestInputAsync(ask("Name?")).thenCompose(answer -> {
          ctx.progress(1, 1.0, "done");
          return result(name(answer));
        })).build();
    List<ProgressNotificationParams> progress = new CopyOnWriteArrayList<>();
    try (McpClient client = answering(server, Era.MODERN, new Wire(), "Ada").connect()) {
      client.callTool("who", null, RequestOptions.progress(progress::add));
    }
    assertEquals(1, progress.size());
  }

  @Test
  void aStateForAnotherRoundOrAnotherRequestIsInvalidParams() {
    McpServer server = asking("Name?");
    try (RawClient raw = RawClient.connect(server)) {
      JsonNode first = raw.request("tools/call", call("who"));
      String state = first.path("requestState").asText();
      ObjectNode otherTool = call("whom").put("requestState", state);
      otherTool.putObject("inputResponses");
      assertEquals(ErrorCodes.INVALID_PARAMS, raw.request("tools/call", otherTool).path("error").path("code").asInt());
      ObjectNode forged = call("who").put("requestState", state.substring(0, state.length() - 3) + "x.1");
      assertEquals(ErrorCodes.INVALID_PARAMS, raw.request("tools/call", forged).path("error").path("code").asInt());
      assertEquals("Ada", answer(raw, state, "Ada").path("content").get(0).path("text").asText());
      JsonNode replayed = answer(raw, state, "Eve");
      assertEquals(ErrorCodes.INVALID_PARAMS, replayed.path("error").path("code").asInt(), replayed::toString);
    }
  }

  @Test
  void anUnansweredQuestionIsAskedAgain() {
    try (RawClient raw = RawClient.connect(asking("Name?"))) {
      String state = raw.request("tools/call", call("who")).path("requestState").asText();
      ObjectNode retry = call("who").put("requestState", state);
      retry.putObject("inputResponses");
      JsonNode again = raw.request("tools/call", retry);
      assertEquals("input_required", again.path("resultType").asText());
      assertEquals("Name?", again.path("inputRequests").elements().next().path("params").path("message").asText());
    }
  }

  @Test
  void cancellingTheRetryCancelsTheHeldCall() {
    CompletableFuture<Void> cancelled = new CompletableFuture<>();
    CompletableFuture<Void> answered = new CompletableFuture<>();
    CompletableFuture<JsonPayload> never = new CompletableFuture<>();
    McpServer server = McpServer.builder().requestHandler("tools/call", (params, ctx) -> {
      ctx.onCancel(() -> cancelled.complete(null));
      return ctx.requestInputAsync(ask("Name?")).thenCompose(answer -> {
        answered.complete(null);
        return never;
      });
    }).build();
    try (RawClient raw = RawClient.connect(server)) {
      String state = raw.request("tools/call", call("who")).path("requestState").asText();
      ObjectNode retry = call("who").put("requestState", state);
      retry.putObject("inputResponses").set("input-1", answerOf("Ada"));
      RawClient.Sent sent = raw.send("tools/call", retry);
      await(answered);
      raw.notify("notifications/cancelled", E2e.object().put("requestId", Long.parseLong(sent.id().text())));
      await(cancelled);
    }
  }

  @Test
  void aCallWhoseClientNeverComesBackIsCancelled() {
    CompletableFuture<Void> cancelled = new CompletableFuture<>();
    McpServer server = McpServer.builder().clientRequestTimeout(Duration.ofMillis(100))
        .requestHandler("tools/call", (params, ctx) -> {
          ctx.onCancel(() -> cancelled.complete(null));
          return ctx.requestInputAsync(ask("Name?"));
        }).build();
    try (RawClient raw = RawClient.connect(server)) {
      assertEquals("input_required", raw.request("tools/call", call("who")).path("resultType").asText());
      await(cancelled);
    }
  }

  private static ObjectNode call(String tool) {
    ObjectNode capabilities = E2e.object();
    capabilities.putObject("elicitation").putObject("form");
    return RawClient.modern(E2e.object().put("name", tool), capabilities);
  }

  private static JsonNode answerOf(String name) {
    ObjectNode answer = E2e.object().put("action", "accept");
    answer.putObject("content").put("name", name);
    return answer;
  }

  private static JsonNode answer(RawClient raw, String state, String name) {
    ObjectNode retry = call("who").put("requestState", state);
    retry.putObject("inputResponses").set("input-1", answerOf(name));
    return raw.request("tools/call", retry);
  }

  private static List<JsonNode> inputRequired(Wire wire) {
    return wire.matching(frame -> !frame.fromClient()
        && "input_required".equals(frame.json().path("result").path("resultType").asText()))
        .stream().map(json -> json.path("result")).toList();
  }
}
