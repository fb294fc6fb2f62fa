package dev.conduit.interop.official;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult.CompleteCompletion;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.PromptReference;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.SamplingMessage;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What the official SDK server offers Conduit's client, over either transport: a few tools (including ones that
 * report progress, log, sample and elicit), a resource, a resource template, a prompt and a completion. Uses only
 * the official SDK (and {@link Jackson2SchemaValidator}), so that the stdio child JVM needs nothing of Conduit.
 */
final class OfficialServerFeatures {

  static final String NAME = "official-sdk-server";
  static final String README_URI = "test://official/readme";
  static final String README_TEXT = "Served by the official MCP Java SDK.";
  static final List<String> NAMES = List.of("Ada", "Alan", "Grace");

  private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();
  private static final String TEXT_ARGUMENT = """
      {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}""";
  private static final Map<String, Object> NAME_FORM = Map.of(
      "type", "object",
      "properties", Map.of("name", Map.of("type", "string", "description", "Your name")),
      "required", List.of("name"));

  private OfficialServerFeatures() {}

  /** Builds the server on {@code spec}, which already holds its transport. */
  static <S extends McpServer.SyncSpecification<S>> McpSyncServer build(McpServer.SyncSpecification<S> spec) {
    return spec
        .serverInfo(NAME, "2.2.0-test")
        .instructions("The official SDK's side of Conduit's interoperability tests.")
        .requestTimeout(Duration.ofSeconds(60))
        .jsonMapper(JSON)
        .jsonSchemaValidator(Jackson2SchemaValidator.INSTANCE)
        .capabilities(ServerCapabilities.builder()
            .tools(false).resources(false, false).prompts(false).logging().completions().build())
        .tools(
            tool("echo", "Echoes its text", TEXT_ARGUMENT,
                (exchange, call) -> text("echo: " + call.arguments().get("text"))),
            tool("fail", "Always fails, as a tool error", null,
                (exchange, call) -> CallToolResult.builder().addTextContent("failed on purpose").isError(true).build()),
            tool("count", "Counts to three, reporting progress", null, OfficialServerFeatures::count),
            tool("log", "Sends two log messages", null, (exchange, call) -> {
              exchange.loggingNotification(LoggingMessageNotification.builder(LoggingLevel.INFO, "first step")
                  .logger("official").build());
              exchange.loggingNotification(LoggingMessageNotification.builder(LoggingLevel.WARNING, "second step")
                  .logger("official").build());
              return text("logged");
            }),
            tool("ask_model", "Asks the client's model", TEXT_ARGUMENT, (exchange, call) -> {
              CreateMessageResult answer = exchange.createMessage(CreateMessageRequest.builder(
                  List.of(new SamplingMessage(Role.USER,
                      TextContent.builder((String) call.arguments().get("text")).build())),
                  50).build());
              return text("model said: " + ((TextContent) answer.content()).text() + " (" + answer.model() + ")");
            }),
            tool("ask_user", "Asks the user for their name", null, (exchange, call) -> {
              ElicitResult answer = exchange.createElicitation(
                  ElicitFormRequest.builder("What is your name?", NAME_FORM).build());
              return text("user " + answer.action().name().toLowerCase() + ": " + answer.content());
            }))
        .resources(new SyncResourceSpecification(
            Resource.builder(README_URI, "readme").mimeType("text/plain").description("A text resource").build(),
            (exchange, read) -> textResource(read.uri(), README_TEXT)))
        .resourceTemplates(new SyncResourceTemplateSpecification(
            ResourceTemplate.builder("test://official/items/{id}", "item").mimeType("text/plain").build(),
            (exchange, read) -> textResource(read.uri(),
                "item " + read.uri().substring(read.uri().lastIndexOf('/') + 1))))
        .prompts(new SyncPromptSpecification(
            Prompt.builder("greet").description("Greets someone")
                .arguments(List.of(PromptArgument.builder("name").description("Who").required(true).build()))
                .build(),
            (exchange, get) -> GetPromptResult.builder(List.of(new PromptMessage(Role.USER,
                    TextContent.builder("Hello, " + get.arguments().get("name") + "!").build())))
                .description("A greeting").build()))
        .completions(new SyncCompletionSpecification(new PromptReference("greet"),
            (exchange, complete) -> new CompleteResult(new CompleteCompletion(NAMES.stream()
                .filter(n -> n.startsWith(complete.argument().value())).toList(), null, false))))
        .build();
  }

  private static CallToolResult count(McpSyncServerExchange exchange, CallToolRequest call) {
    Object token = call.progressToken();
    for (int i = 1; i <= 3; i++) {
      if (token != null) {
        exchange.progressNotification(ProgressNotification.builder(token, i).total(3.0).message("step " + i).build());
      }
      sleep(Duration.ofMillis(20));
    }
    return text("counted to 3");
  }

  private static SyncToolSpecification tool(String name, String description, String inputSchema,
      BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
    Tool.Builder tool = inputSchema == null ? Tool.builder(name, Map.of("type", "object"))
        : Tool.builder(name, JSON, inputSchema);
    return SyncToolSpecification.builder().tool(tool.description(description).build()).callHandler(handler).build();
  }

  private static ReadResourceResult textResource(String uri, String text) {
    return ReadResourceResult.builder(List.of(TextResourceContents.builder(uri, text).mimeType("text/plain").build()))
        .build();
  }

  private static CallToolResult text(String text) {
    return CallToolResult.builder().addTextContent(text).build();
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
