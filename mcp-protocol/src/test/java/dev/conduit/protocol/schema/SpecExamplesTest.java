package dev.conduit.protocol.schema;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.jsonrpc.DecodeResult;
import dev.conduit.protocol.jsonrpc.ErrorObject;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.jsonrpc.JsonRpcRequest;
import dev.conduit.protocol.jsonrpc.JsonRpcResult;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.jspecify.annotations.Nullable;

/**
 * Every example of the 2026-07-28 specification decodes to its record and re-encodes to the same JSON tree.
 *
 * <p>The folder an example sits in names the {@code $defs} type it is an instance of. The tables below say, for
 * every folder, how that type is bound here; a folder missing from them fails, so a new example cannot slip by.
 */
class SpecExamplesTest {

  private static final JsonRpcCodec CODEC = JsonRpcCodec.standard();

  /**
   * Folders whose examples are whole JSON-RPC messages: the method a request or notification must carry (null for
   * responses), and the record its {@code params}, {@code result} or {@code error.data} binds to (null when the
   * message carries none).
   */
  private static final Map<String, Message> MESSAGES =
      Map.ofEntries(
          entry("CallToolRequest", new Message("tools/call", CallToolRequestParams.class)),
          entry("CallToolResultResponse", new Message(null, CallToolResult.class)),
          entry("CancelledNotification", new Message("notifications/cancelled", CancelledNotificationParams.class)),
          entry("CompleteRequest", new Message("completion/complete", CompleteRequestParams.class)),
          entry("CompleteResultResponse", new Message(null, CompleteResult.class)),
          entry("DiscoverRequest", new Message("server/discover", RequestParams.class)),
          entry("DiscoverResultResponse", new Message(null, DiscoverResult.class)),
          entry("GetPromptRequest", new Message("prompts/get", GetPromptRequestParams.class)),
          entry("GetPromptResultResponse", new Message(null, GetPromptResult.class)),
          entry("HeaderMismatchError", new Message(null, null)),
          entry("ListPromptsRequest", new Message("prompts/list", PaginatedRequestParams.class)),
          entry("ListPromptsResultResponse", new Message(null, ListPromptsResult.class)),
          entry("ListResourceTemplatesRequest", new Message("resources/templates/list", PaginatedRequestParams.class)),
          entry("ListResourceTemplatesResultResponse", new Message(null, ListResourceTemplatesResult.class)),
          entry("ListResourcesRequest", new Message("resources/list", PaginatedRequestParams.class)),
          entry("ListResourcesResultResponse", new Message(null, ListResourcesResult.class)),
          entry("ListToolsRequest", new Message("tools/list", PaginatedRequestParams.class)),
          entry("ListToolsResultResponse", new Message(null, ListToolsResult.class)),
          entry(
              "LoggingMessageNotification",
              new Message("notifications/message", LoggingMessageNotificationParams.class)),
          entry("MissingRequiredClientCapabilityError", new Message(null, MissingRequiredClientCapabilityData.class)),
          entry("ProgressNotification", new Message("notifications/progress", ProgressNotificationParams.class)),
          entry(
              "PromptListChangedNotification",
              new Message("notifications/prompts/list_changed", NotificationParams.class)),
          entry("ReadResourceRequest", new Message("resources/read", ReadResourceRequestParams.class)),
          entry("ReadResourceResultResponse", new Message(null, ReadResourceResult.class)),
          entry(
              "ResourceListChangedNotification",
              new Message("notifications/resources/list_changed", NotificationParams.class)),
          entry(
              "ResourceUpdatedNotification",
              new Message("notifications/resources/updated", ResourceUpdatedNotificationParams.class)),
          entry(
              "SubscriptionsAcknowledgedNotification",
              new Message(
                  "notifications/subscriptions/acknowledged", SubscriptionsAcknowledgedNotificationParams.class)),
          entry(
              "SubscriptionsListenRequest",
              new Message("subscriptions/listen", SubscriptionsListenRequestParams.class)),
          entry("SubscriptionsListenResultResponse", new Message(null, SubscriptionsListenResult.class)),
          entry(
              "ToolListChangedNotification",
              new Message("notifications/tools/list_changed", NotificationParams.class)),
          entry("UnsupportedProtocolVersionError", new Message(null, UnsupportedProtocolVersionData.class)));

  /** Folders whose examples bind directly to one type. */
  private static final Map<String, TypeReference<?>> RECORDS =
      Map.ofEntries(
          entry("AudioContent", type(AudioContent.class)),
          entry("BlobResourceContents", type(BlobResourceContents.class)),
          entry("BooleanSchema", type(BooleanSchema.class)),
          entry("CallToolRequestParams", type(CallToolRequestParams.class)),
          entry("CallToolResult", type(CallToolResult.class)),
          entry("CancelledNotificationParams", type(CancelledNotificationParams.class)),
          entry("ClientCapabilities", type(ClientCapabilities.class)),
          entry("CompleteRequestParams", type(CompleteRequestParams.class)),
          entry("CompleteResult", type(CompleteResult.class)),
          // In 2026-07-28 sampling, elicitation and roots requests are embedded {method, params} objects with no
          // JSON-RPC envelope: InputRequest is their record. (The ListRootsRequest example also carries an "id",
          // which must survive as an unknown field.)
          entry("CreateMessageRequest", type(InputRequest.class)),
          entry("CreateMessageRequestParams", type(CreateMessageRequestParams.class)),
          entry("CreateMessageResult", type(CreateMessageResult.class)),
          entry("DiscoverResult", type(DiscoverResult.class)),
          entry("ElicitRequest", type(InputRequest.class)),
          entry("ElicitRequestFormParams", type(ElicitRequestFormParams.class)),
          entry("ElicitRequestURLParams", type(ElicitRequestURLParams.class)),
          entry("ElicitResult", type(ElicitResult.class)),
          entry("EmbeddedResource", type(EmbeddedResource.class)),
          entry("GetPromptRequestParams", type(GetPromptRequestParams.class)),
          entry("GetPromptResult", type(GetPromptResult.class)),
          entry("ImageContent", type(ImageContent.class)),
          entry("InputRequests", new TypeReference<Map<String, InputRequest>>() {}),
          entry("InputRequiredResult", type(InputRequiredResult.class)),
          entry("InputResponses", new TypeReference<Map<String, JsonNode>>() {}),
          entry("ListPromptsResult", type(ListPromptsResult.class)),
          entry("ListResourceTemplatesResult", type(ListResourceTemplatesResult.class)),
          entry("ListResourcesResult", type(ListResourcesResult.class)),
          entry("ListRootsRequest", type(InputRequest.class)),
          entry("ListRootsResult", type(ListRootsResult.class)),
          entry("ListToolsResult", type(ListToolsResult.class)),
          entry("LoggingMessageNotificationParams", type(LoggingMessageNotificationParams.class)),
          entry("ModelPreferences", type(ModelPreferences.class)),
          entry("NumberSchema", type(NumberSchema.class)),
          entry("PaginatedRequestParams", type(PaginatedRequestParams.class)),
          entry("ProgressNotificationParams", type(ProgressNotificationParams.class)),
          entry("ReadResourceResult", type(ReadResourceResult.class)),
          entry("Resource", type(Resource.class)),
          entry("ResourceLink", type(ResourceLink.class)),
          entry("ResourceUpdatedNotificationParams", type(ResourceUpdatedNotificationParams.class)),
          entry("Root", type(Root.class)),
          entry("SamplingMessage", type(SamplingMessage.class)),
          entry("ServerCapabilities", type(ServerCapabilities.class)),
          entry("StringSchema", type(StringSchema.class)),
          entry("SubscriptionsListenResult", type(SubscriptionsListenResult.class)),
          entry("TextContent", type(TextContent.class)),
          entry("TextResourceContents", type(TextResourceContents.class)),
          entry("TitledMultiSelectEnumSchema", type(TitledMultiSelectEnumSchema.class)),
          entry("TitledSingleSelectEnumSchema", type(TitledSingleSelectEnumSchema.class)),
          entry("Tool", type(Tool.class)),
          entry("ToolResultContent", type(ToolResultContent.class)),
          entry("ToolUseContent", type(ToolUseContent.class)),
          entry("UntitledMultiSelectEnumSchema", type(UntitledMultiSelectEnumSchema.class)),
          entry("UntitledSingleSelectEnumSchema", type(UntitledSingleSelectEnumSchema.class)));

  /**
   * Folders whose examples are a bare JSON-RPC {@code Error} object ({@code {code, message, data?}}). Its Java type
   * is the codec's {@link ErrorObject}, which only the codec reads, so these go through it inside an envelope.
   */
  private static final Set<String> ERROR_OBJECTS =
      Set.of("InternalError", "InvalidParamsError", "MethodNotFoundError", "ParseError");

  /** The unions a record may belong to; an example of a member must also decode through the union. */
  private static final List<Class<?>> UNIONS =
      List.of(
          ContentBlock.class,
          ResourceContents.class,
          PrimitiveSchemaDefinition.class,
          ElicitRequestParams.class,
          CompletionReference.class);

  @TestFactory
  Stream<DynamicTest> everyExampleDecodesAndReencodesToTheSameTree() throws IOException {
    Path examples = SchemaFiles.folder("2026-07-28/examples");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(examples)) {
      files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty(), () -> "no example files under " + examples);
    return files.stream()
        .map(
            file ->
                dynamicTest(
                    examples.relativize(file).toString(),
                    file.toUri(),
                    () -> check(file.getParent().getFileName().toString(), Files.readString(file))));
  }

  private static void check(String folder, String json) throws IOException {
    Message message = MESSAGES.get(folder);
    if (message != null) {
      checkMessage(message, json);
    } else if (RECORDS.containsKey(folder)) {
      checkRecord(folder, RECORDS.get(folder), json);
    } else if (ERROR_OBJECTS.contains(folder)) {
      checkErrorObject(json);
    } else {
      fail("no mapping for example folder '" + folder + "': add it to a table of SpecExamplesTest");
    }
  }

  private static void checkRecord(String folder, TypeReference<?> type, String json) throws IOException {
    Object value = Json.MAPPER.readValue(json, type);
    assertTree(json, Json.MAPPER.writeValueAsString(value));
    if (value instanceof Map<?, ?> map && folder.equals("InputResponses")) {
      for (Object response : map.values()) {
        checkInputResponse((JsonNode) response);
      }
    }
    for (Class<?> union : UNIONS) {
      if (union.isInstance(value)) {
        assertInstanceOf(value.getClass(), Json.MAPPER.readValue(json, union), "decoded through " + union);
      }
    }
  }

  /** The answers to input requests have no tag; their shape tells which result each is. */
  private static void checkInputResponse(JsonNode response) throws IOException {
    Class<?> type =
        response.has("action")
            ? ElicitResult.class
            : response.has("roots") ? ListRootsResult.class : CreateMessageResult.class;
    Object bound = Json.MAPPER.treeToValue(response, type);
    assertEquals(response, Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(bound)));
  }

  private static void checkMessage(Message expected, String json) {
    JsonRpcMessage message = decode(json);
    assertTree(json, CODEC.encodeToString(message));

    JsonPayload payload;
    if (message instanceof JsonRpcRequest request) {
      assertEquals(expected.method(), request.method());
      payload = request.params();
    } else if (message instanceof JsonRpcNotification notification) {
      assertEquals(expected.method(), notification.method());
      payload = notification.params();
    } else if (message instanceof JsonRpcResult result) {
      assertNull(expected.method(), "a result response has no method");
      payload = result.result();
    } else {
      assertNull(expected.method(), "an error response has no method");
      payload = ((JsonRpcError) message).error().data();
    }
    if (expected.payload() == null) {
      assertNull(payload, "the example carries a payload the table does not expect");
      return;
    }
    assertNotNull(payload, "the example carries no payload to bind");
    Object bound = payload.as(expected.payload());
    assertInstanceOf(expected.payload(), bound);
    assertTree(payload.toString(), toJson(bound));
    assertTree(json, CODEC.encodeToString(withPayload(message, JsonPayload.of(bound))));
  }

  private static void checkErrorObject(String json) throws IOException {
    ObjectNode envelope = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", 1);
    envelope.set("error", Json.MAPPER.readTree(json));
    JsonRpcMessage message = decode(envelope.toString());
    JsonRpcError error = assertInstanceOf(JsonRpcError.class, message);
    JsonNode reencoded = Json.MAPPER.readTree(CODEC.encodeToString(error)).get("error");
    assertEquals(Json.MAPPER.readTree(json), reencoded);
  }

  private static JsonRpcMessage decode(String json) {
    DecodeResult result = CODEC.decode(json);
    if (result instanceof DecodeResult.Failure failure) {
      return fail("codec rejected the example: " + failure.error().error().message());
    }
    return ((DecodeResult.Success) result).message();
  }

  private static JsonRpcMessage withPayload(JsonRpcMessage message, JsonPayload payload) {
    if (message instanceof JsonRpcRequest request) {
      return new JsonRpcRequest(request.id(), request.method(), payload);
    }
    if (message instanceof JsonRpcNotification notification) {
      return new JsonRpcNotification(notification.method(), payload);
    }
    if (message instanceof JsonRpcResult result) {
      return new JsonRpcResult(result.id(), payload);
    }
    JsonRpcError error = (JsonRpcError) message;
    return new JsonRpcError(
        error.id(), new ErrorObject(error.error().code(), error.error().message(), payload));
  }

  private static String toJson(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      return fail("cannot encode " + value, e);
    }
  }

  private static void assertTree(String expected, String actual) {
    try {
      JsonNode want = Json.MAPPER.readTree(expected);
      JsonNode got = Json.MAPPER.readTree(actual);
      assertTrue(want.equals(got), () -> "re-encoded JSON differs\n  expected: " + want + "\n  actual:   " + got);
    } catch (IOException e) {
      fail("not JSON", e);
    }
  }

  private static <T> TypeReference<T> type(Class<T> type) {
    return new TypeReference<>() {
      @Override
      public java.lang.reflect.Type getType() {
        return type;
      }
    };
  }

  /**
   * How a folder of whole messages is checked.
   *
   * @param method the method a request or notification carries; null for responses
   * @param payload the record its params, result or error data binds to; null when it carries none
   */
  private record Message(@Nullable String method, @Nullable Class<?> payload) {}
}
