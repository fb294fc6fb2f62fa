package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.client;
import static dev.conduit.protocol.e2e.E2e.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.e2e.E2e.Wire;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.CreateMessageRequestParams;
import dev.conduit.protocol.schema.CreateMessageResult;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.InputRequest;
import dev.conduit.protocol.schema.NumberSchema;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.PromptMessage;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.RequestedSchema;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.Role;
import dev.conduit.protocol.schema.Root;
import dev.conduit.protocol.schema.SamplingMessage;
import dev.conduit.protocol.schema.StringSchema;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.RequestContext;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Specifies that one handler asking the client for input serves both eras from the same server: a legacy client gets
 * real server-to-client requests, a modern client gets {@code input_required} results and retries automatically, and
 * both get the same answer. Covers elicitation, sampling and roots, sequential questions (one round each on a modern
 * request), several questions at once (one modern round), prompt and resource handlers asking too, and the client
 * filling in a form's defaults (SEP-1034).
 */
class InputTest {

  static final RequestedSchema NAME_FORM =
      RequestedSchema.builder().property("name", StringSchema.of(), true).build();
  static final RequestedSchema AGE_FORM =
      RequestedSchema.builder().property("age", NumberSchema.integer(), true).build();

  static ElicitResult askName(RequestContext ctx) {
    return ctx.elicit(ElicitRequestFormParams.of("What is your name?", NAME_FORM));
  }

  private final McpServer server = McpServer.builder()
      .tool(Tool.named("greet"), (args, ctx) -> {
        ElicitResult answer = askName(ctx);
        return CallToolResult.text(
            answer.accepted() ? "Hello, " + answer.content().path("name").asText() : "Hello, stranger");
      })
      .tool(Tool.named("add_by_model"), (args, ctx) -> {
        CreateMessageResult answer = ctx.sample(CreateMessageRequestParams.of(50, SamplingMessage.user("2+2?")));
        return CallToolResult.text("The model " + answer.model() + " says " + answer.content().text());
      })
      .tool(Tool.named("where"), (args, ctx) -> CallToolResult.text(
          ctx.roots().stream().map(Root::uri).collect(Collectors.joining(","))))
      .tool(Tool.named("profile"), (args, ctx) -> {
        String name = askName(ctx).content().path("name").asText();
        long age = ctx.elicit(ElicitRequestFormParams.of("How old are you?", AGE_FORM)).content().path("age").asLong();
        return CallToolResult.text(name + " is " + age);
      })
      .tool(Tool.named("both"), (args, ctx) -> {
        Map<String, JsonNode> answers = ctx.requestInputs(Map.of(
            "who", InputRequest.elicitation(ElicitRequestFormParams.of("What is your name?", NAME_FORM)),
            "sum", InputRequest.sampling(CreateMessageRequestParams.of(50, SamplingMessage.user("2+2?")))));
        return CallToolResult.text(answers.get("who").path("content").path("name").asText() + "/"
            + answers.get("sum").path("content").path("text").asText());
      })
      .tool(Tool.named("defaults"), (args, ctx) -> {
        RequestedSchema form = RequestedSchema.builder()
            .property("name", StringSchema.of(), true)
            .property("age", NumberSchema.integer().withDefault(42))
            .property("city", StringSchema.of().withDefault("Oslo"))
            .build();
        return CallToolResult.text(ctx.elicit(ElicitRequestFormParams.of("Details?", form)).content().toString());
      })
      .prompt(Prompt.of("letter", null), (args, ctx) ->
          GetPromptResult.of(null, PromptMessage.user("Dear " + askName(ctx).content().path("name").asText())))
      .resource(Resource.of("mem://me", "me"), (uri, ctx) ->
          ReadResourceResult.of(TextResourceContents.of(uri, null, askName(ctx).content().path("name").asText())))
      .build();

  /** A client that answers everything: a person called Ada, aged 36, a model that says 4, two roots. */
  static McpClient.Builder capable(McpClient.Builder builder) {
    return builder
        .elicitation(request -> request.message().contains("name")
            ? ElicitResult.accept(E2e.object().put("name", "Ada"))
            : request.message().contains("old")
                ? ElicitResult.accept(E2e.object().put("age", 36))
                : ElicitResult.accept(E2e.object().put("name", "Ada")))
        .sampling(request -> CreateMessageResult.of(Role.ASSISTANT, TextContent.of("4"), "test-model"))
        .roots(List.of(Root.of("file:///work", "work"), Root.of("file:///home/ada", null)));
  }

  private McpClient connect(Era era, Wire wire) {
    return capable(client(server, era, wire.pair())).connect();
  }

  private static Predicate<Wire.Frame> serverRequest(String method) {
    return frame -> !frame.fromClient() && frame.json().has("id") && Wire.method(method).test(frame);
  }

  private static List<JsonNode> inputRequired(Wire wire) {
    return wire.matching(frame -> !frame.fromClient()
        && "input_required".equals(frame.json().path("result").path("resultType").asText()));
  }

  /** Calls {@code tool} from a legacy and a modern client of the same server; checks how each got its input. */
  private void sameAnswerInBothEras(String tool, String inputMethod, String expected) {
    Wire legacyWire = new Wire();
    Wire modernWire = new Wire();
    try (McpClient legacy = connect(Era.LEGACY, legacyWire); McpClient modern = connect(Era.MODERN, modernWire)) {
      assertEquals(expected, text(legacy.callTool(tool, null)));
      assertEquals(expected, text(modern.callTool(tool, null)));
    }
    assertEquals(1, legacyWire.matching(serverRequest(inputMethod)).size(), legacyWire.text());
    assertEquals(List.of(), inputRequired(legacyWire));

    assertEquals(List.of(), modernWire.matching(frame -> !frame.fromClient() && frame.json().has("method")
        && frame.json().has("id")), "a modern server sends no requests");
    List<JsonNode> rounds = inputRequired(modernWire);
    assertEquals(1, rounds.size(), modernWire.text());
    JsonNode asked = rounds.get(0).path("result").path("inputRequests");
    assertEquals(inputMethod, asked.elements().next().path("method").asText());
    List<JsonNode> calls = modernWire.matching(Wire.method("tools/call"));
    assertEquals(2, calls.size());
    assertTrue(calls.get(1).path("params").has("inputResponses"), calls.get(1).toString());
    assertEquals(rounds.get(0).path("result").path("requestState"), calls.get(1).path("params").path("requestState"));
  }

  @Test
  void oneElicitingHandlerServesBothErasAlike() {
    sameAnswerInBothEras("greet", "elicitation/create", "Hello, Ada");
  }

  @Test
  void oneSamplingHandlerServesBothErasAlike() {
    sameAnswerInBothEras("add_by_model", "sampling/createMessage", "The model test-model says 4");
  }

  @Test
  void oneRootsHandlerServesBothErasAlike() {
    sameAnswerInBothEras("where", "roots/list", "file:///work,file:///home/ada");
  }

  @BothEras
  void sequentialQuestionsAreAskedOneAfterTheOther(Era era) {
    Wire wire = new Wire();
    try (McpClient client = connect(era, wire)) {
      assertEquals("Ada is 36", text(client.callTool("profile", null)));
    }
    if (era == Era.LEGACY) {
      assertEquals(2, wire.matching(serverRequest("elicitation/create")).size());
    } else {
      assertEquals(2, inputRequired(wire).size(), "one round per question");
      assertEquals(3, wire.matching(Wire.method("tools/call")).size());
    }
  }

  @BothEras
  void severalInputsRequestedAtOnceAreAnsweredTogether(Era era) {
    Wire wire = new Wire();
    try (McpClient client = connect(era, wire)) {
      assertEquals("Ada/4", text(client.callTool("both", null)));
    }
    if (era == Era.LEGACY) {
      assertEquals(1, wire.matching(serverRequest("elicitation/create")).size());
      assertEquals(1, wire.matching(serverRequest("sampling/createMessage")).size());
    } else {
      List<JsonNode> rounds = inputRequired(wire);
      assertEquals(1, rounds.size(), "both questions in one round");
      JsonNode asked = rounds.get(0).path("result").path("inputRequests");
      assertEquals("elicitation/create", asked.path("who").path("method").asText());
      assertEquals("sampling/createMessage", asked.path("sum").path("method").asText());
      JsonNode answered = wire.matching(Wire.method("tools/call")).get(1).path("params").path("inputResponses");
      assertTrue(answered.has("who") && answered.has("sum"), answered.toString());
    }
  }

  @BothEras
  void promptAndResourceHandlersCanAskForInputToo(Era era) {
    try (McpClient client = connect(era, new Wire())) {
      GetPromptResult letter = client.getPrompt("letter", Map.of());
      assertEquals("Dear Ada", ((TextContent) letter.messages().get(0).content()).text());
      TextResourceContents me = (TextResourceContents) client.readResource("mem://me").contents().get(0);
      assertEquals("Ada", me.text());
    }
  }

  @BothEras
  void theClientFillsInTheFormsDefaults(Era era) {
    try (McpClient client = client(server, era)
        .elicitation(request -> ElicitResult.accept(E2e.object().put("name", "Ada").put("city", "Bergen")))
        .connect()) {
      JsonNode content = E2e.json(text(client.callTool("defaults", null)));
      assertEquals(E2e.object().put("name", "Ada").put("city", "Bergen").put("age", 42), content);
    }
  }

  @BothEras
  void aDeclinedElicitationReachesTheHandler(Era era) {
    try (McpClient client = client(server, era).elicitation(request -> ElicitResult.decline()).connect()) {
      assertEquals("Hello, stranger", text(client.callTool("greet", null)));
    }
  }
}
