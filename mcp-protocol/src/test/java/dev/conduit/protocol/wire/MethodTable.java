package dev.conduit.protocol.wire;

import dev.conduit.protocol.schema.SchemaValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Which definition of a revision's official schema describes each message: the JSON-RPC envelopes, each method's
 * request or notification, the result of each request, the unions that say which side may send what, and (from
 * 2025-11-25) the definitions of particular error codes. Written out by hand from the schema files, so that a
 * method a revision does not have is missing here and a frame carrying it fails; {@code MethodTableTest} checks
 * every name against the files.
 */
final class MethodTable {

  /** A method no revision has, which the scenario sends to provoke a "method not found" error. */
  static final String UNKNOWN_METHOD = "conduit/no-such-method";

  /**
   * A request method.
   *
   * @param request the definition of the request (the whole frame is validated against it)
   * @param result the definition of its result
   * @param response the definition of the whole response frame, where the revision has one per method (2026-07-28)
   */
  record Request(String request, String result, @Nullable String response) {}

  /**
   * The definition of an error with a particular code.
   *
   * @param name the definition
   * @param wholeResponse whether it describes the whole response frame rather than its {@code error} member
   */
  record ErrorDefinition(String name, boolean wholeResponse) {}

  private final String revision;
  private final Map<String, Request> requests = new LinkedHashMap<>();
  private final Map<String, String> notifications = new LinkedHashMap<>();
  private final Map<Integer, ErrorDefinition> errors = new LinkedHashMap<>();

  private MethodTable(String revision) {
    this.revision = revision;
  }

  /** The table of {@code revision}; fails for a revision it does not know. */
  static MethodTable of(String revision) {
    MethodTable table = new MethodTable(revision);
    switch (revision) {
      case "2024-11-05", "2025-03-26" -> table.legacy();
      case "2025-06-18" -> table.legacy().elicitation();
      case "2025-11-25" -> table.legacy().elicitation().tasks();
      case "2026-07-28" -> table.modernMethods();
      default -> throw new IllegalArgumentException("No method table for revision " + revision);
    }
    return table;
  }

  String revision() {
    return revision;
  }

  boolean modern() {
    return revision.compareTo("2026-07-28") >= 0;
  }

  @Nullable Request request(@Nullable String method) {
    return method == null ? null : requests.get(method);
  }

  @Nullable String notification(@Nullable String method) {
    return method == null ? null : notifications.get(method);
  }

  @Nullable ErrorDefinition error(int code) {
    return errors.get(code);
  }

  Map<String, Request> requests() {
    return Map.copyOf(requests);
  }

  Map<String, String> notifications() {
    return Map.copyOf(notifications);
  }

  Map<Integer, ErrorDefinition> errors() {
    return Map.copyOf(errors);
  }

  /** The envelope of every request. */
  String requestEnvelope() {
    return "JSONRPCRequest";
  }

  /** The envelope of every notification. */
  String notificationEnvelope() {
    return "JSONRPCNotification";
  }

  /** The envelope of a successful response: renamed in 2025-11-25. */
  String resultEnvelope() {
    return SchemaValidator.draft7(revision) ? "JSONRPCResponse" : "JSONRPCResultResponse";
  }

  /** The envelope of an error response: renamed in 2025-11-25. */
  String errorEnvelope() {
    return SchemaValidator.draft7(revision) ? "JSONRPCError" : "JSONRPCErrorResponse";
  }

  /**
   * The union of the requests ({@code notification} false) or notifications one side may send, or {@code null} if
   * the revision lets that side send none: a 2026-07-28 server sends no requests.
   */
  @Nullable String union(boolean fromClient, boolean notification) {
    if (notification) {
      return fromClient ? "ClientNotification" : "ServerNotification";
    }
    return fromClient ? "ClientRequest" : modern() ? null : "ServerRequest";
  }

  /** Every definition this table names, to check against the schema file. */
  Set<String> definitionNames() {
    Set<String> names = new TreeSet<>(Set.of(requestEnvelope(), notificationEnvelope(), resultEnvelope(),
        errorEnvelope(), "ClientRequest", "ClientNotification", "ServerNotification"));
    if (union(false, false) != null) {
      names.add(union(false, false));
    }
    requests.values().forEach(r -> {
      names.add(r.request());
      names.add(r.result());
      if (r.response() != null) {
        names.add(r.response());
      }
    });
    names.addAll(notifications.values());
    errors.values().forEach(e -> names.add(e.name()));
    if (modern()) {
      names.add("InputRequiredResult");
    }
    return names;
  }

  private MethodTable legacy() {
    request("initialize", "InitializeRequest", "InitializeResult");
    request("ping", "PingRequest", "EmptyResult");
    request("logging/setLevel", "SetLevelRequest", "EmptyResult");
    request("resources/subscribe", "SubscribeRequest", "EmptyResult");
    request("resources/unsubscribe", "UnsubscribeRequest", "EmptyResult");
    request("tools/list", "ListToolsRequest", "ListToolsResult");
    request("tools/call", "CallToolRequest", "CallToolResult");
    request("resources/list", "ListResourcesRequest", "ListResourcesResult");
    request("resources/templates/list", "ListResourceTemplatesRequest", "ListResourceTemplatesResult");
    request("resources/read", "ReadResourceRequest", "ReadResourceResult");
    request("prompts/list", "ListPromptsRequest", "ListPromptsResult");
    request("prompts/get", "GetPromptRequest", "GetPromptResult");
    request("completion/complete", "CompleteRequest", "CompleteResult");
    request("sampling/createMessage", "CreateMessageRequest", "CreateMessageResult");
    request("roots/list", "ListRootsRequest", "ListRootsResult");
    notification("notifications/initialized", "InitializedNotification");
    notification("notifications/cancelled", "CancelledNotification");
    notification("notifications/progress", "ProgressNotification");
    notification("notifications/message", "LoggingMessageNotification");
    notification("notifications/resources/updated", "ResourceUpdatedNotification");
    notification("notifications/resources/list_changed", "ResourceListChangedNotification");
    notification("notifications/tools/list_changed", "ToolListChangedNotification");
    notification("notifications/prompts/list_changed", "PromptListChangedNotification");
    notification("notifications/roots/list_changed", "RootsListChangedNotification");
    return this;
  }

  private MethodTable elicitation() {
    request("elicitation/create", "ElicitRequest", "ElicitResult");
    return this;
  }

  private MethodTable tasks() {
    request("tasks/get", "GetTaskRequest", "GetTaskResult");
    request("tasks/result", "GetTaskPayloadRequest", "GetTaskPayloadResult");
    request("tasks/list", "ListTasksRequest", "ListTasksResult");
    request("tasks/cancel", "CancelTaskRequest", "CancelTaskResult");
    notification("notifications/tasks/status", "TaskStatusNotification");
    notification("notifications/elicitation/complete", "ElicitationCompleteNotification");
    errors.put(-32042, new ErrorDefinition("URLElicitationRequiredError", true));
    return this;
  }

  private void modernMethods() {
    modernRequest("server/discover", "DiscoverRequest", "DiscoverResult");
    modernRequest("tools/list", "ListToolsRequest", "ListToolsResult");
    modernRequest("tools/call", "CallToolRequest", "CallToolResult");
    modernRequest("resources/list", "ListResourcesRequest", "ListResourcesResult");
    modernRequest("resources/templates/list", "ListResourceTemplatesRequest", "ListResourceTemplatesResult");
    modernRequest("resources/read", "ReadResourceRequest", "ReadResourceResult");
    modernRequest("prompts/list", "ListPromptsRequest", "ListPromptsResult");
    modernRequest("prompts/get", "GetPromptRequest", "GetPromptResult");
    modernRequest("completion/complete", "CompleteRequest", "CompleteResult");
    modernRequest("subscriptions/listen", "SubscriptionsListenRequest", "SubscriptionsListenResult");
    notification("notifications/cancelled", "CancelledNotification");
    notification("notifications/progress", "ProgressNotification");
    notification("notifications/message", "LoggingMessageNotification");
    notification("notifications/resources/updated", "ResourceUpdatedNotification");
    notification("notifications/resources/list_changed", "ResourceListChangedNotification");
    notification("notifications/tools/list_changed", "ToolListChangedNotification");
    notification("notifications/prompts/list_changed", "PromptListChangedNotification");
    notification("notifications/subscriptions/acknowledged", "SubscriptionsAcknowledgedNotification");
    errors.put(-32700, new ErrorDefinition("ParseError", false));
    errors.put(-32600, new ErrorDefinition("InvalidRequestError", false));
    errors.put(-32601, new ErrorDefinition("MethodNotFoundError", false));
    errors.put(-32602, new ErrorDefinition("InvalidParamsError", false));
    errors.put(-32603, new ErrorDefinition("InternalError", false));
    errors.put(-32020, new ErrorDefinition("HeaderMismatchError", true));
    errors.put(-32021, new ErrorDefinition("MissingRequiredClientCapabilityError", true));
    errors.put(-32022, new ErrorDefinition("UnsupportedProtocolVersionError", true));
  }

  private void request(String method, String request, String result) {
    requests.put(method, new Request(request, result, null));
  }

  /** A 2026-07-28 request, whose response has a definition of its own ({@code CallToolResultResponse}...). */
  private void modernRequest(String method, String request, String result) {
    requests.put(method, new Request(request, result, result + "Response"));
  }

  private void notification(String method, String definition) {
    notifications.put(method, definition);
  }
}
