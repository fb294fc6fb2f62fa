package dev.conduit.protocol.schema;

import static dev.conduit.protocol.schema.SchemaValidator.assertValid;
import static dev.conduit.protocol.schema.SchemaValidator.assertValidAt;
import static dev.conduit.protocol.schema.SchemaValidator.definition;
import static dev.conduit.protocol.schema.SchemaValidator.params;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records built with the factories, for the revision a peer speaks, validate against that revision's official
 * definition of the same name. Elicitation forms are covered by {@link ElicitationSchemaValidationTest}, the
 * 2026-07-28-only records by {@link ModernSchemaValidationTest}.
 */
class SchemaValidationTest {

  static final String V2024 = "2024-11-05";
  static final String V2025_03 = "2025-03-26";
  static final String V2025_06 = "2025-06-18";
  static final String V2025_11 = "2025-11-25";
  static final String V2026 = "2026-07-28";

  static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** {@code "complete"} where the revision requires every result to say so, null elsewhere. */
  static String resultType(String revision) {
    return revision.equals(V2026) ? "complete" : null;
  }

  @Test
  void validatorRejectsAToolWithoutInputSchema() {
    for (String revision : SchemaFiles.REVISIONS) {
      assertFalse(
          SchemaValidator.errors(revision, "Tool", json("{\"name\": \"t\"}")).isEmpty(), revision + " accepted it");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {V2024, V2025_03, V2025_06, V2025_11, V2026})
  void toolWithNameDescriptionAndInputSchemaValidates(String revision) {
    Tool tool =
        Tool.named("add")
            .description("Adds two numbers")
            .inputSchema("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"number\"}},\"required\":[\"a\"]}")
            .build();
    assertValid(revision, "Tool", tool);
  }

  @Test
  void toolWithAnnotationsValidatesAgainst2025_03_26() {
    assertValid(V2025_03, "Tool", Tool.named("rm").annotations(ToolAnnotations.destructive()).build());
  }

  @Test
  void toolWithTitleIconsOutputSchemaAndExecutionValidatesAgainst2025_11_25() {
    Icon icon = new Icon("https://example.com/i.png", "image/png", List.of("48x48"), "dark", Map.of());
    Tool tool =
        Tool.named("weather")
            .title("Weather")
            .icons(icon)
            .outputSchema("{\"type\":\"object\",\"properties\":{\"t\":{\"type\":\"number\"}}}")
            .annotations(ToolAnnotations.readOnly())
            .execution(ToolExecution.taskSupport(ToolExecution.OPTIONAL))
            .meta(Meta.empty().with("com.example/owner", "ops"))
            .build();
    assertValid(V2025_11, "Tool", tool);
  }

  @ParameterizedTest
  @ValueSource(strings = {V2024, V2025_03, V2025_06, V2025_11})
  void listToolsResultPageValidates(String revision) {
    assertValid(revision, "ListToolsResult", ListToolsResult.of(List.of(Tool.named("a").build()), "page-2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {V2024, V2025_03, V2025_06, V2025_11, V2026})
  void callToolResultWithTextImageAndEmbeddedResourcesValidates(String revision) {
    List<ContentBlock> content =
        List.of(
            TextContent.of("done"),
            new ImageContent("iVBORw0KGgo=", "image/png", Annotations.forAudience(Role.USER), null, Map.of()),
            EmbeddedResource.of(TextResourceContents.of("file:///a.txt", "text/plain", "a")),
            EmbeddedResource.of(BlobResourceContents.of("file:///b.bin", null, "AAEC")));
    CallToolResult result = new CallToolResult(content, null, false, resultType(revision), null, Map.of());
    assertValid(revision, "CallToolResult", result);
  }

  @ParameterizedTest
  @ValueSource(strings = {V2025_03, V2025_06, V2025_11, V2026})
  void audioContentValidates(String revision) {
    assertValid(revision, "AudioContent", AudioContent.of("UklGRg==", "audio/wav"));
  }

  @ParameterizedTest
  @ValueSource(strings = {V2025_06, V2025_11, V2026})
  void resourceLinkAndStructuredContentValidate(String revision) {
    Resource resource =
        new Resource("file:///r.md", "r.md", "R", "A file", "text/markdown", 12L,
            new Annotations(List.of(Role.USER, Role.ASSISTANT), 0.5, "2025-05-03T14:30:00Z", Map.of()), null,
            Meta.empty().with("com.example/k", 1), Map.of());
    CallToolResult result =
        new CallToolResult(List.of(ResourceLink.to(resource)), json("{\"n\": 1}"), null, resultType(revision),
            null, Map.of());
    assertValid(revision, "ResourceLink", ResourceLink.to(resource));
    assertValid(revision, "CallToolResult", result);
  }

  @ParameterizedTest
  @ValueSource(strings = {V2024, V2025_03, V2025_06, V2025_11})
  void serverCapabilitiesFromTheBuilderValidate(String revision) {
    ServerCapabilities.Builder builder =
        ServerCapabilities.builder().tools(true).resources(true, false).prompts(true).logging();
    if (revision.compareTo(V2025_03) >= 0) {
      builder.completions();
    }
    assertValid(revision, "ServerCapabilities", builder.experimental("com.example/x", json("{}")).build());
  }

  @Test
  void serverCapabilitiesWithTasksValidateAgainst2025_11_25() {
    JsonNode tasks = json("{\"list\": {}, \"cancel\": {}, \"requests\": {\"tools\": {\"call\": {}}}}");
    assertValid(V2025_11, "ServerCapabilities", ServerCapabilities.builder().tools().tasks(tasks).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {V2024, V2025_03, V2025_06, V2025_11})
  void clientCapabilitiesFromTheBuilderValidate(String revision) {
    ClientCapabilities.Builder builder = ClientCapabilities.builder().roots(true).sampling();
    if (revision.compareTo(V2025_06) >= 0) {
      builder.elicitation();
    }
    assertValid(revision, "ClientCapabilities", builder.build());
  }

  @Test
  void clientCapabilitiesWithBothElicitationModesAndSamplingToolsValidateAgainst2025_11_25() {
    ClientCapabilities capabilities =
        ClientCapabilities.builder().roots(false).sampling(true, true).elicitation(true, true).build();
    assertValid(V2025_11, "ClientCapabilities", capabilities);
  }

  @ParameterizedTest
  @ValueSource(strings = {V2024, V2025_03, V2025_06, V2025_11})
  void initializeRequestParamsValidate(String revision) {
    InitializeRequestParams params =
        InitializeRequestParams.of(
            revision, ClientCapabilities.builder().roots(true).build(), Implementation.of("client", "1.0"));
    assertValidAt(revision, params(revision, "InitializeRequestParams", "InitializeRequest"), params);
  }

  @ParameterizedTest
  @ValueSource(strings = {V2024, V2025_03, V2025_06, V2025_11})
  void initializeResultValidates(String revision) {
    InitializeResult result =
        InitializeResult.of(
            revision,
            ServerCapabilities.builder().tools(true).logging().build(),
            Implementation.of("server", "2.0"),
            "Use the tools.");
    assertValid(revision, "InitializeResult", result);
  }

  @Test
  void initializeResultWithDescribedImplementationValidatesAgainst2025_11_25() {
    Implementation server =
        new Implementation("server", "Server", "2.0", "Does things", List.of(Icon.of("https://example.com/s.svg")),
            "https://example.com", Map.of());
    assertValid(V2025_11, "InitializeResult",
        InitializeResult.of(V2025_11, ServerCapabilities.builder().build(), server, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {V2024, V2025_03, V2025_06, V2025_11})
  void promptListAndPromptValidate(String revision) {
    Prompt prompt = Prompt.of("review", "Reviews code", PromptArgument.required("code", "The code"));
    GetPromptResult got =
        GetPromptResult.of(
            "Review",
            PromptMessage.user("Please review"),
            PromptMessage.assistant(EmbeddedResource.of(TextResourceContents.of("file:///a.py", null, "x"))));
    assertValid(revision, "ListPromptsResult", ListPromptsResult.of(List.of(prompt)));
    assertValid(revision, "GetPromptResult", got);
    assertValidAt(revision, params(revision, "GetPromptRequestParams", "GetPromptRequest"),
        GetPromptRequestParams.of("review", Map.of("code", "x = 1")));
  }

  @ParameterizedTest
  @ValueSource(strings = {V2024, V2025_03, V2025_06, V2025_11})
  void resourceListsAndContentsValidate(String revision) {
    assertValid(revision, "ListResourcesResult",
        ListResourcesResult.of(List.of(Resource.of("file:///a", "a").withMimeType("text/plain"))));
    assertValid(revision, "ListResourceTemplatesResult",
        ListResourceTemplatesResult.of(List.of(ResourceTemplate.of("file:///{path}", "files")), "next"));
    assertValid(revision, "ReadResourceResult",
        ReadResourceResult.of(TextResourceContents.of("file:///a", "text/plain", "a"),
            BlobResourceContents.of("file:///b", "application/octet-stream", "AAE=")));
    assertValidAt(revision, params(revision, "ReadResourceRequestParams", "ReadResourceRequest"),
        ReadResourceRequestParams.of("file:///a"));
  }

  @ParameterizedTest
  @ValueSource(strings = {V2024, V2025_03, V2025_06, V2025_11})
  void completionRequestAndResultValidate(String revision) {
    assertValidAt(revision, params(revision, "CompleteRequestParams", "CompleteRequest"),
        CompleteRequestParams.of(ResourceTemplateReference.of("file:///{path}"), "path", "sr"));
    assertValid(revision, "CompleteResult", CompleteResult.of(List.of("src", "srv")));
  }

  @ParameterizedTest
  @ValueSource(strings = {V2025_06, V2025_11})
  void completionRequestWithContextValidates(String revision) {
    CompleteRequestParams params =
        CompleteRequestParams.of(PromptReference.of("review"), "framework", "fl")
            .withContext(Map.of("language", "python"));
    assertValidAt(revision, params(revision, "CompleteRequestParams", "CompleteRequest"), params);
  }

  @ParameterizedTest
  @ValueSource(strings = {V2024, V2025_03, V2025_06, V2025_11, V2026})
  void loggingAndProgressNotificationParamsValidate(String revision) {
    String message = revision.equals(V2024) ? null : "Half way";
    assertValidAt(revision, params(revision, "LoggingMessageNotificationParams", "LoggingMessageNotification"),
        LoggingMessageNotificationParams.of(LoggingLevel.WARNING, "db", json("{\"error\": \"slow\"}")));
    assertValidAt(revision, params(revision, "ProgressNotificationParams", "ProgressNotification"),
        ProgressNotificationParams.of(ProgressToken.of(7), 50, 100.0, message));
  }

  @ParameterizedTest
  @ValueSource(strings = {V2024, V2025_03, V2025_06, V2025_11})
  void samplingRequestAndResultValidate(String revision) {
    CreateMessageRequestParams request =
        CreateMessageRequestParams.of(100, SamplingMessage.user("Capital of France?"))
            .withSystemPrompt("Be brief.")
            .withModelPreferences(
                new ModelPreferences(List.of(ModelHint.of("claude")), 0.3, 0.8, 0.5, Map.of()));
    assertValidAt(revision, params(revision, "CreateMessageRequestParams", "CreateMessageRequest"), request);
    assertValid(revision, "CreateMessageResult",
        CreateMessageResult.of(Role.ASSISTANT, TextContent.of("Paris"), "m-1").withStopReason("endTurn"));
  }

  @Test
  void samplingWithToolsAndToolResultsValidatesAgainst2025_11_25() {
    JsonNode input = json("{\"city\": \"Paris\"}");
    SamplingMessage toolUse =
        SamplingMessage.of(Role.ASSISTANT, SamplingContent.of(List.of(ToolUseContent.of("c1", "weather", input))));
    SamplingMessage toolResult =
        SamplingMessage.of(
            Role.USER, SamplingContent.of(List.of(ToolResultContent.of("c1", CallToolResult.text("18C")))));
    CreateMessageRequestParams request =
        CreateMessageRequestParams.of(1000, SamplingMessage.user("Weather?"), toolUse, toolResult)
            .withTools(List.of(Tool.named("weather").build()), ToolChoice.auto());
    assertValid(V2025_11, "CreateMessageRequestParams", request);
    assertValid(V2025_11, "CreateMessageResult",
        CreateMessageResult.of(Role.ASSISTANT, toolUse.content(), "m-1").withStopReason("toolUse"));
  }

  @ParameterizedTest
  @ValueSource(strings = {V2024, V2025_03, V2025_06, V2025_11})
  void rootsAndEmptyResultValidate(String revision) {
    assertValid(revision, "ListRootsResult", ListRootsResult.of(Root.of("file:///repo", "Repo")));
    assertValid(revision, "EmptyResult", EmptyResult.instance());
  }

  @Test
  void taskRecordsWithUnlimitedTtlValidateAgainst2025_11_25() {
    Task task = Task.working("t-1", "2025-11-25T10:00:00Z", null).withPollInterval(500L);
    Task done = task.withStatus(TaskStatus.COMPLETED, "ok", "2025-11-25T10:01:00Z");
    assertValid(V2025_11, "Task", task);
    assertValid(V2025_11, "CreateTaskResult", CreateTaskResult.of(task));
    assertValid(V2025_11, "GetTaskResult", GetTaskResult.of(done));
    assertValid(V2025_11, "CancelTaskResult", CancelTaskResult.of(done));
    assertValid(V2025_11, "ListTasksResult", ListTasksResult.of(List.of(task, done), null));
    assertValid(V2025_11, "TaskStatusNotificationParams", TaskStatusNotificationParams.of(done));
    assertValid(V2025_11, "GetTaskPayloadResult", GetTaskPayloadResult.of(CallToolResult.text("ok")));
    assertValidAt(V2025_11, definition(V2025_11, "GetTaskRequest") + "/properties/params",
        GetTaskRequestParams.of("t-1"));
    assertValid(V2025_11, "CallToolRequestParams",
        CallToolRequestParams.of("slow", null).withTask(TaskMetadata.of(60_000L)));
  }

  @Test
  void urlElicitationRequiredDataValidatesAgainst2025_11_25() {
    UrlElicitationRequiredData data =
        UrlElicitationRequiredData.of(ElicitRequestURLParams.of("Sign in", "https://example.com/login", "e-1"));
    ObjectNode error = Json.MAPPER.createObjectNode().put("code", -32042).put("message", "URL elicitation needed");
    error.set("data", SchemaValidator.wire(data));
    ObjectNode response = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", 1);
    response.set("error", error);
    assertValid(V2025_11, "URLElicitationRequiredError", response);
  }
}
