package dev.conduit.samples.conformance;

import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.CreateMessageRequestParams;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.PromptMessage;
import dev.conduit.protocol.schema.RequestedSchema;
import dev.conduit.protocol.schema.SamplingMessage;
import dev.conduit.protocol.schema.StringSchema;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The diagnostic tools of the conformance suite's {@code server-stateless} scenario (2026-07-28, SEP-2575): a tool
 * that needs a capability the client may not have declared, one that asks for input on its response stream, one that
 * logs, and two that change the server's tool and prompt lists so that a {@code subscriptions/listen} stream hears of
 * it.
 */
final class StatelessFixtures {

  private static final String DYNAMIC_TOOL = "test_dynamic_tool";
  private static final String DYNAMIC_PROMPT = "test_dynamic_prompt";

  private StatelessFixtures() {}

  /**
   * Registers the tools; {@code server} is the server they are registered on, known once it is built, which the list
   * triggers change.
   */
  static void register(McpServer.Builder builder, AtomicReference<McpServer> server) {
    builder
        .tool(Tool.named("test_missing_capability").description("Needs the client's sampling capability"),
            (args, ctx) -> CallToolResult.text("Sampled: " + ctx.sample(CreateMessageRequestParams.of(10,
                SamplingMessage.user("Say hello"))).content().text()))
        .tool(Tool.named("test_streaming_elicitation").description("Asks the user a question while it runs"),
            (args, ctx) -> {
              ElicitResult answer = ctx.elicit(ElicitRequestFormParams.of("What should I stream?",
                  RequestedSchema.builder().property("topic", StringSchema.of(), true).build()));
              return CallToolResult.text("Streaming " + answer.content());
            })
        .tool(Tool.named("test_logging_tool").description("Logs at every level it can"),
            (args, ctx) -> {
              ctx.log(LoggingLevel.DEBUG, "A debug message");
              ctx.log(LoggingLevel.INFO, "An info message");
              ctx.log(LoggingLevel.ERROR, "An error message");
              return CallToolResult.text("Logged three messages, if the client asked for them");
            })
        .tool(Tool.named("test_trigger_tool_change").description("Adds or removes " + DYNAMIC_TOOL),
            (args, ctx) -> {
              McpServer current = server.get();
              if (!current.removeTool(DYNAMIC_TOOL)) {
                current.addTool(Tool.named(DYNAMIC_TOOL).description("Comes and goes").build(),
                    (dynamicArgs, dynamicCtx) -> CallToolResult.text("Still here"));
              }
              return CallToolResult.text("The tool list changed");
            })
        .tool(Tool.named("test_trigger_prompt_change").description("Adds or removes " + DYNAMIC_PROMPT),
            (args, ctx) -> {
              McpServer current = server.get();
              if (!current.removePrompt(DYNAMIC_PROMPT)) {
                current.addPrompt(Prompt.of(DYNAMIC_PROMPT, "Comes and goes"),
                    (promptArgs, promptCtx) -> GetPromptResult.of(null, PromptMessage.user("Still here")));
              }
              return CallToolResult.text("The prompt list changed");
            });
  }
}
