package dev.conduit.protocol.schema;

import static dev.conduit.protocol.schema.SchemaValidationTest.V2026;
import static dev.conduit.protocol.schema.SchemaValidator.assertValid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records of the modern (2026-07-28) era validate against the 2026-07-28 definitions. */
class ModernSchemaValidationTest {

  /** The {@code _meta} every modern request must carry. */
  static Meta requestMeta() {
    return Meta.empty()
        .with(Meta.PROTOCOL_VERSION, V2026)
        .with(Meta.CLIENT_CAPABILITIES, ClientCapabilities.builder().elicitation(true, true).build())
        .with(Meta.CLIENT_INFO, Implementation.of("client", "1.0"))
        .with(Meta.LOG_LEVEL, LoggingLevel.INFO)
        .with(Meta.PROGRESS_TOKEN, ProgressToken.of(3));
  }

  static Meta serverMeta() {
    return Meta.empty().with(Meta.SERVER_INFO, Implementation.of("server", "2.0"));
  }

  @Test
  void inputRequiredResultWithElicitationSamplingAndRootsValidates() {
    Map<String, InputRequest> requests = new LinkedHashMap<>();
    requests.put(
        "login",
        InputRequest.elicitation(
            ElicitRequestFormParams.of(
                "GitHub user?",
                RequestedSchema.builder().property("name", StringSchema.of(), true).build())));
    requests.put("key", InputRequest.elicitation(ElicitRequestURLParams.of("Key", "https://example.com/k", null)));
    requests.put(
        "capital",
        InputRequest.sampling(CreateMessageRequestParams.of(100, SamplingMessage.user("Capital of France?"))));
    requests.put("roots", InputRequest.listRoots());
    assertValid(V2026, "InputRequiredResult", InputRequiredResult.of(requests, "opaque-state"));
  }

  @Test
  void inputRequiredResultWithStateOnlyValidates() {
    assertValid(V2026, "InputRequiredResult", InputRequiredResult.of(null, "opaque-state"));
  }

  @Test
  void discoverResultValidates() {
    DiscoverResult result =
        DiscoverResult.of(
                List.of(V2026, "2025-11-25"),
                ServerCapabilities.builder().tools().resources().extension("io.modelcontextprotocol/tasks",
                    Json.MAPPER.createObjectNode()).build(),
                3_600_000L,
                CacheScope.PUBLIC)
            .withInstructions("Prefer get_weather.")
            .withMeta(serverMeta());
    assertValid(V2026, "DiscoverResult", result);
  }

  @Test
  void cacheableListAndReadResultsValidate() {
    Tool tool = Tool.named("get_weather").description("Weather").build();
    assertValid(V2026, "ListToolsResult",
        new ListToolsResult(List.of(tool), null, 300_000L, CacheScope.PUBLIC, "complete", serverMeta(), Map.of()));
    assertValid(V2026, "ListPromptsResult",
        new ListPromptsResult(List.of(Prompt.of("p", null)), "c", 1L, CacheScope.PRIVATE, "complete", null,
            Map.of()));
    assertValid(V2026, "ListResourcesResult",
        new ListResourcesResult(List.of(Resource.of("file:///a", "a")), null, 0L, CacheScope.PRIVATE, "complete",
            null, Map.of()));
    assertValid(V2026, "ListResourceTemplatesResult",
        new ListResourceTemplatesResult(List.of(ResourceTemplate.of("file:///{p}", "f")), null, 60L,
            CacheScope.PUBLIC, "complete", null, Map.of()));
    assertValid(V2026, "ReadResourceResult",
        new ReadResourceResult(List.of(TextResourceContents.of("file:///a", null, "a")), 60_000L, CacheScope.PRIVATE,
            "complete", null, Map.of()));
  }

  @Test
  void requestParamsWithTheRequiredMetaValidate() {
    Meta meta = requestMeta();
    assertValid(V2026, "CallToolRequestParams",
        CallToolRequestParams.of("get_weather", SchemaValidationTest.json("{\"city\": \"Paris\"}"))
            .withMeta(meta)
            .withInputResponses(
                Map.of("login", SchemaValidator.wire(ElicitResult.accept(SchemaValidationTest.json(
                    "{\"name\": \"octocat\"}")))),
                "opaque-state"));
    assertValid(V2026, "GetPromptRequestParams", GetPromptRequestParams.of("review", null).withMeta(meta));
    assertValid(V2026, "ReadResourceRequestParams", ReadResourceRequestParams.of("file:///a").withMeta(meta));
    assertValid(V2026, "PaginatedRequestParams", PaginatedRequestParams.of("c").withMeta(meta));
    assertValid(V2026, "RequestParams", RequestParams.of(meta));
    assertValid(V2026, "CompleteRequestParams",
        CompleteRequestParams.of(PromptReference.of("review"), "lang", "py").withMeta(meta));
  }

  @Test
  void subscriptionRecordsValidate() {
    SubscriptionFilter filter =
        SubscriptionFilter.listChanges(true, false, true).withResourceSubscriptions("file:///config.json");
    Meta stream = Meta.empty().with(Meta.SUBSCRIPTION_ID, RequestId.of(11));
    assertValid(V2026, "SubscriptionsListenRequestParams",
        SubscriptionsListenRequestParams.of(filter).withMeta(requestMeta()));
    assertValid(V2026, "SubscriptionsAcknowledgedNotificationParams",
        SubscriptionsAcknowledgedNotificationParams.of(filter, stream));
    assertValid(V2026, "SubscriptionsListenResult", SubscriptionsListenResult.closing(RequestId.of(11)));
    assertValid(V2026, "ResourceUpdatedNotificationParams",
        ResourceUpdatedNotificationParams.of("file:///config.json").withMeta(stream));
    assertValid(V2026, "NotificationParams", NotificationParams.of(stream));
  }

  @Test
  void resultsCarryingResultTypeValidate() {
    assertValid(V2026, "CompleteResult",
        new CompleteResult(CompleteResult.of(List.of("python")).completion(), "complete", null, Map.of()));
    assertValid(V2026, "GetPromptResult",
        new GetPromptResult(null, List.of(PromptMessage.user("hi")), "complete", serverMeta(), Map.of()));
    assertValid(V2026, "EmptyResult", new EmptyResult("complete", null, Map.of()));
  }

  @Test
  void errorDataValidateInsideTheirErrorResponses() {
    assertValid(V2026, "UnsupportedProtocolVersionError",
        errorResponse(-32022, UnsupportedProtocolVersionData.of(List.of(V2026, "2025-11-25"), "1900-01-01")));
    assertValid(V2026, "MissingRequiredClientCapabilityError",
        errorResponse(-32021,
            MissingRequiredClientCapabilityData.of(ClientCapabilities.builder().elicitation().build())));
  }

  @Test
  void embeddedRequestsValidateAgainstTheirDefinitions() {
    assertValid(V2026, "ListRootsRequest", InputRequest.listRoots());
    assertValid(V2026, "CreateMessageRequest",
        InputRequest.sampling(CreateMessageRequestParams.of(10, SamplingMessage.assistant("Hello"))));
    assertValid(V2026, "ElicitRequest",
        InputRequest.elicitation(ElicitRequestURLParams.of("Pay", "https://example.com/pay", null)));
  }

  private static ObjectNode errorResponse(int code, Object data) {
    ObjectNode error = Json.MAPPER.createObjectNode().put("code", code).put("message", "failed");
    error.set("data", SchemaValidator.wire(data));
    ObjectNode response = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", 1);
    response.set("error", error);
    return response;
  }
}
