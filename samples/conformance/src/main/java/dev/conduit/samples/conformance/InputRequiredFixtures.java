package dev.conduit.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.BooleanSchema;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.CreateMessageRequestParams;
import dev.conduit.protocol.schema.CreateMessageResult;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.InputRequest;
import dev.conduit.protocol.schema.ListRootsResult;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.PromptMessage;
import dev.conduit.protocol.schema.RequestedSchema;
import dev.conduit.protocol.schema.Root;
import dev.conduit.protocol.schema.SamplingMessage;
import dev.conduit.protocol.schema.StringSchema;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.RequestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fixtures of the conformance suite's {@code input-required-result-*} scenarios (2026-07-28, SEP-2322): tools and
 * a prompt that ask the client for input under the keys the scenarios expect. On a 2026-07-28 request each question
 * ends the round with an {@code input_required} result and the handler runs again with the answers; on a legacy
 * connection the same handlers send real requests to the client.
 */
final class InputRequiredFixtures {

  private InputRequiredFixtures() {}

  static void register(McpServer.Builder server) {
    server
        .tool(tool("test_input_required_result_elicitation", "Asks the user's name in one input round"),
            (args, ctx) -> {
              ElicitResult answer = elicitation(ask(ctx, "user_name", nameQuestion("What is your name?")));
              return CallToolResult.text("Hello, " + field(answer, "name") + "!");
            })
        .tool(tool("test_input_required_result_sampling", "Asks the client's model a question in one input round"),
            (args, ctx) -> {
              CreateMessageResult answer = sampling(ask(ctx, "capital_question",
                  InputRequest.sampling(CreateMessageRequestParams.of(100,
                      SamplingMessage.user("What is the capital of France?")))));
              return CallToolResult.text("The model answered: " + answer.content().text());
            })
        .tool(tool("test_input_required_result_list_roots", "Asks for the client's roots in one input round"),
            (args, ctx) -> {
              ListRootsResult answer = roots(ask(ctx, "client_roots", InputRequest.listRoots()));
              return CallToolResult.text("Roots: " + answer.roots().stream().map(Root::uri)
                  .collect(Collectors.joining(", ")));
            })
        .tool(tool("test_input_required_result_request_state",
                "Asks for a confirmation; the answer comes back with the state the server issued"),
            (args, ctx) -> {
              ElicitResult answer = elicitation(ask(ctx, "confirm", confirmQuestion("Please confirm")));
              // The engine checked the echoed requestState (its signature and the request it belongs to) before the
              // handler ran again.
              return CallToolResult.text("state-ok: confirmed=" + field(answer, "ok"));
            })
        .tool(tool("test_input_required_result_multiple_inputs",
                "Asks for an elicitation, a sampling and the roots in one round"),
            (args, ctx) -> {
              Map<String, InputRequest> questions = new LinkedHashMap<>();
              questions.put("user_name", nameQuestion("What is your name?"));
              questions.put("greeting", greetingQuestion());
              questions.put("client_roots", InputRequest.listRoots());
              Map<String, JsonNode> answers = ctx.requestInputs(questions);
              return CallToolResult.text(sampling(answers.get("greeting")).content().text() + ", "
                  + field(elicitation(answers.get("user_name")), "name") + " ("
                  + roots(answers.get("client_roots")).roots().size() + " roots)");
            })
        .tool(tool("test_input_required_result_multi_round", "Asks two questions, one round after the other"),
            (args, ctx) -> {
              String name = field(elicitation(ask(ctx, "step1", nameQuestion("Step 1: What is your name?"))), "name");
              ElicitResult color = elicitation(ask(ctx, "step2", InputRequest.elicitation(ElicitRequestFormParams.of(
                  "Step 2: What is your favorite color?",
                  RequestedSchema.builder().property("color", StringSchema.of(), true).build()))));
              return CallToolResult.text(name + " likes " + field(color, "color"));
            })
        .tool(tool("test_input_required_result_tampered_state",
                "Asks for a confirmation under integrity-protected request state"),
            (args, ctx) -> {
              ElicitResult answer = elicitation(ask(ctx, "confirm", confirmQuestion("Please confirm")));
              return CallToolResult.text("Confirmed: " + field(answer, "ok"));
            })
        .tool(tool("test_input_required_result_capabilities",
                "Asks only for the kinds of input the client declared it can give"),
            (args, ctx) -> capabilityRound(ctx))
        .prompt(Prompt.of("test_input_required_result_prompt", "A prompt that asks the user for its context first"),
            (args, ctx) -> {
              ElicitResult answer = elicitation(ask(ctx, "user_context", InputRequest.elicitation(
                  ElicitRequestFormParams.of("What context should the prompt use?",
                      RequestedSchema.builder().property("context", StringSchema.of(), true).build()))));
              return GetPromptResult.of(null, PromptMessage.user("Use this context: " + field(answer, "context")));
            });
  }

  private static CallToolResult capabilityRound(RequestContext ctx) {
    ClientCapabilities declared = ctx.clientCapabilities();
    Map<String, InputRequest> questions = new LinkedHashMap<>();
    if (declared.elicitation() != null) {
      questions.put("user_name", nameQuestion("What is your name?"));
    }
    if (declared.sampling() != null) {
      questions.put("greeting", greetingQuestion());
    }
    if (declared.roots() != null) {
      questions.put("client_roots", InputRequest.listRoots());
    }
    if (questions.isEmpty()) {
      return CallToolResult.text("The client declared no capability to ask with");
    }
    return CallToolResult.text("Answered: " + String.join(", ", ctx.requestInputs(questions).keySet()));
  }

  private static Tool.Builder tool(String name, String description) {
    return Tool.named(name).description(description);
  }

  private static JsonNode ask(RequestContext ctx, String key, InputRequest question) {
    return ctx.requestInputs(Map.of(key, question)).get(key);
  }

  private static InputRequest nameQuestion(String message) {
    return InputRequest.elicitation(ElicitRequestFormParams.of(message,
        RequestedSchema.builder().property("name", StringSchema.of(), true).build()));
  }

  private static InputRequest greetingQuestion() {
    return InputRequest.sampling(CreateMessageRequestParams.of(50, SamplingMessage.user("Generate a greeting")));
  }

  private static InputRequest confirmQuestion(String message) {
    return InputRequest.elicitation(ElicitRequestFormParams.of(message,
        RequestedSchema.builder().property("ok", BooleanSchema.of(), true).build()));
  }

  private static ElicitResult elicitation(JsonNode answer) {
    return JsonPayload.of(answer).as(ElicitResult.class);
  }

  private static CreateMessageResult sampling(JsonNode answer) {
    return JsonPayload.of(answer).as(CreateMessageResult.class);
  }

  private static ListRootsResult roots(JsonNode answer) {
    return JsonPayload.of(answer).as(ListRootsResult.class);
  }

  private static String field(ElicitResult answer, String name) {
    JsonNode content = answer.content();
    return content == null ? "(none)" : content.path(name).asText("(none)");
  }
}
