package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.await;
import static dev.conduit.protocol.e2e.E2e.client;
import static dev.conduit.protocol.e2e.E2e.connect;
import static dev.conduit.protocol.e2e.E2e.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.CreateMessageRequestParams;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.InputRequest;
import dev.conduit.protocol.schema.Root;
import dev.conduit.protocol.schema.SamplingMessage;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Specifies how asking the client for input fails: a client without the capability gets -32021 (with the missing
 * capability in {@code data.requiredCapabilities}) on a modern request and an error on a legacy connection; a
 * {@code requestState} that was tampered with, or that belongs to another request, is -32602; a client gives up
 * after its limit of input rounds; and cancelling a legacy call withdraws the question the server put to the client.
 */
class InputErrorsTest {

  private final McpServer server = McpServer.builder()
      .tool(Tool.named("greet"), (args, ctx) -> CallToolResult.text(
          "Hello, " + ctx.elicit(ElicitRequestFormParams.of("What is your name?", InputTest.NAME_FORM))
              .content().path("name").asText()))
      .tool(Tool.named("add_by_model"), (args, ctx) -> CallToolResult.text(
          ctx.sample(CreateMessageRequestParams.of(50, SamplingMessage.user("2+2?"))).content().text()))
      .tool(Tool.named("where"), (args, ctx) -> CallToolResult.text(
          ctx.roots().stream().map(Root::uri).collect(Collectors.joining(","))))
      .tool(Tool.named("profile"), (args, ctx) -> {
        ctx.elicit(ElicitRequestFormParams.of("What is your name?", InputTest.NAME_FORM));
        ctx.elicit(ElicitRequestFormParams.of("How old are you?", InputTest.AGE_FORM));
        return CallToolResult.text("done");
      })
      .build();

  @Test
  void anInputResponseThatIsNotAnObjectIsInvalidParams() {
    McpServer asking = McpServer.builder()
        .tool(Tool.named("ask"), (args, ctx) -> CallToolResult.text(ctx.requestInputs(Map.of("user_name",
            InputRequest.elicitation(ElicitRequestFormParams.of("Name?", InputTest.NAME_FORM)))).toString()))
        .build();
    try (RawClient raw = RawClient.connect(asking)) {
      ObjectNode capabilities = E2e.object();
      capabilities.putObject("elicitation");
      ObjectNode params = RawClient.modern(E2e.object().put("name", "ask"), capabilities);
      params.putObject("inputResponses").put("user_name", 12345);
      JsonNode answer = raw.request("tools/call", params);
      assertEquals(-32602, answer.path("error").path("code").asInt(), answer.toString());
    }
  }

  @Test
  void requestingInputsTheClientCannotGiveIsMissingCapability() {
    McpServer asking = McpServer.builder()
        .tool(Tool.named("ask"), (args, ctx) -> CallToolResult.text(ctx.requestInputs(Map.of("greeting",
            InputRequest.sampling(CreateMessageRequestParams.of(10, SamplingMessage.user("Hi"))))).toString()))
        .build();
    try (McpClient client = connect(asking, Era.MODERN)) {
      McpException error = fails(() -> client.callTool("ask", null));
      assertEquals(-32021, error.code());
      assertTrue(error.data().tree().path("requiredCapabilities").has("sampling"), error.data().toString());
    }
  }

  @Test
  void elicitingFromAModernClientWithoutTheCapabilityIsMissingCapability() {
    try (McpClient client = connect(server, Era.MODERN)) {
      McpException error = fails(() -> client.callTool("greet", null));
      assertEquals(-32021, error.code());
      assertTrue(error.data().tree().path("requiredCapabilities").has("elicitation"), error.data().toString());
    }
  }

  @Test
  void samplingFromAModernClientWithoutTheCapabilityIsMissingCapability() {
    try (McpClient client = connect(server, Era.MODERN)) {
      McpException error = fails(() -> client.callTool("add_by_model", null));
      assertEquals(-32021, error.code());
      assertTrue(error.data().tree().path("requiredCapabilities").has("sampling"), error.data().toString());
    }
  }

  @Test
  void askingAModernClientWithoutRootsForRootsIsMissingCapability() {
    try (McpClient client = connect(server, Era.MODERN)) {
      McpException error = fails(() -> client.callTool("where", null));
      assertEquals(-32021, error.code());
      assertTrue(error.data().tree().path("requiredCapabilities").has("roots"), error.data().toString());
    }
  }

  @Test
  void elicitingFromALegacyClientWithoutTheCapabilityFails() {
    try (McpClient client = connect(server, Era.LEGACY)) {
      McpException error = fails(() -> client.callTool("greet", null));
      assertTrue(error.getMessage().contains("elicitation"), error.getMessage());
    }
  }

  @BothEras
  void aClientHandlerThatFailsFailsTheCall(Era era) {
    try (McpClient client = client(server, era).elicitation(request -> {
      throw new IllegalStateException("the user closed the window");
    }).connect()) {
      McpException error = fails(() -> client.callTool("greet", null));
      assertEquals(-32603, error.code());
    }
  }

  @Test
  void theClientGivesUpAfterItsLimitOfInputRounds() {
    try (McpClient client = InputTest.capable(client(server, Era.MODERN)).maxInputRounds(2).connect()) {
      McpException error = fails(() -> client.callTool("profile", null));
      assertTrue(error.getMessage().contains("2 rounds"), error.getMessage());
    }
  }

  @Test
  void cancellingALegacyCallWithdrawsTheQuestionTheServerAsked() throws InterruptedException {
    CountDownLatch asked = new CountDownLatch(1);
    CompletableFuture<Void> withdrawn = new CompletableFuture<>();
    try (McpClient client = client(server, Era.LEGACY).elicitation(request -> {
      asked.countDown();
      try {
        // The person never answers; the question is withdrawn first.
        new CountDownLatch(1).await(E2e.WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        withdrawn.complete(null);
        throw e;
      }
      return ElicitResult.decline();
    }).connect()) {
      CompletableFuture<CallToolResult> call = client.async().callTool("greet", null);
      assertTrue(asked.await(E2e.WAIT_SECONDS, TimeUnit.SECONDS), "the client was never asked");
      call.cancel(true);
      await(withdrawn);
    }
  }

  private static final ObjectNode CAN_ELICIT = (ObjectNode) E2e.json("{\"elicitation\": {}}");

  private static ObjectNode greet(JsonNode arguments) {
    ObjectNode params = E2e.object().put("name", "greet");
    params.set("arguments", arguments);
    return RawClient.modern(params, CAN_ELICIT.deepCopy());
  }

  private static ObjectNode retry(ObjectNode params, String key, String state) {
    ObjectNode retry = params.deepCopy();
    retry.putObject("inputResponses").putObject(key)
        .put("action", "accept").putObject("content").put("name", "Ada");
    retry.put("requestState", state);
    return retry;
  }

  @Test
  void aRequestStateIsHonouredUnchangedAndRejectedWhenTamperedWith() {
    try (RawClient raw = RawClient.connect(server)) {
      ObjectNode params = greet(E2e.object());
      JsonNode round = raw.request("tools/call", params);
      assertEquals("input_required", round.path("resultType").asText(), round.toString());
      String key = round.path("inputRequests").fieldNames().next();
      String state = round.path("requestState").asText();

      JsonNode done = raw.request("tools/call", retry(params, key, state));
      assertEquals("Hello, Ada", done.path("content").path(0).path("text").asText(), done.toString());

      int at = state.indexOf('.') / 2;
      String tampered = state.substring(0, at) + (state.charAt(at) == 'A' ? 'B' : 'A') + state.substring(at + 1);
      JsonNode rejected = raw.request("tools/call", retry(params, key, tampered));
      assertEquals(-32602, rejected.path("error").path("code").asInt(), rejected.toString());
      assertTrue(rejected.path("error").path("message").asText().contains("requestState"), rejected.toString());
    }
  }

  @Test
  void aRequestStateFromAnotherRequestIsRejected() {
    try (RawClient raw = RawClient.connect(server)) {
      ObjectNode params = greet(E2e.object());
      JsonNode round = raw.request("tools/call", params);
      String key = round.path("inputRequests").fieldNames().next();
      String state = round.path("requestState").asText();

      ObjectNode other = greet(E2e.object().put("politely", true));
      JsonNode rejected = raw.request("tools/call", retry(other, key, state));
      assertEquals(-32602, rejected.path("error").path("code").asInt(), rejected.toString());
    }
  }
}
