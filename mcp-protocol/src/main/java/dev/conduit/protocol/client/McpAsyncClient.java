package dev.conduit.protocol.client;

import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.internal.ClientCore;
import dev.conduit.protocol.client.internal.Pages;
import dev.conduit.protocol.client.internal.UsableTools;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.internal.Json;
import dev.conduit.protocol.schema.CallToolRequestParams;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.CompleteRequestParams;
import dev.conduit.protocol.schema.CompleteResult;
import dev.conduit.protocol.schema.GetPromptRequestParams;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.schema.ListPromptsResult;
import dev.conduit.protocol.schema.ListResourceTemplatesResult;
import dev.conduit.protocol.schema.ListResourcesResult;
import dev.conduit.protocol.schema.ListTasksResult;
import dev.conduit.protocol.schema.ListToolsResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.PaginatedRequestParams;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.ReadResourceRequestParams;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.ServerCapabilities;
import dev.conduit.protocol.schema.SubscriptionFilter;
import dev.conduit.protocol.schema.Task;
import dev.conduit.protocol.schema.Tool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An MCP client with a {@code CompletableFuture} API. Every method returns at once; a future fails with an {@link
 * dev.conduit.protocol.McpException} (the server's error, a timeout, a closed connection). Cancelling a future
 * cancels the call at the server. {@link McpClient} is the blocking face of the same client.
 */
public final class McpAsyncClient implements AutoCloseable {

  private final ClientCore core;
  private final int maxPages;

  McpAsyncClient(ClientCore core, int maxPages) {
    this.core = core;
    this.maxPages = maxPages;
  }

  /** Whether the server speaks the modern, stateless era (2026-07-28). */
  public boolean isModern() {
    return core.negotiated().modern();
  }

  /** The protocol revision in use. */
  public ProtocolVersion protocolVersion() {
    return core.negotiated().version();
  }

  /** The server's implementation, if it said. */
  public @Nullable Implementation serverInfo() {
    return core.negotiated().serverInfo();
  }

  /** What the server declared it can do. */
  public ServerCapabilities serverCapabilities() {
    return core.negotiated().capabilities();
  }

  /** The server's guidance for the model, if any. */
  public @Nullable String instructions() {
    return core.negotiated().instructions();
  }

  /** Checks that the server answers (legacy servers; a modern server is asked for {@code server/discover}). */
  public CompletableFuture<Void> ping() {
    String method = isModern() ? "server/discover" : "ping";
    return core.call(method, null, RequestOptions.defaults(), ignored -> (Void) null);
  }

  /** One page of tools, without those that cannot be called (see {@link #listAllTools}). */
  public CompletableFuture<ListToolsResult> listTools(@Nullable String cursor) {
    return core.call("tools/list", page(cursor), RequestOptions.defaults(),
        payload -> UsableTools.of(ClientCore.bind("tools/list", payload, ListToolsResult.class)));
  }

  /**
   * Every tool, following {@code nextCursor} across pages. Like {@link #listTools}, it leaves out tools that cannot be
   * called: those whose {@code x-mcp-header} parameter markings (2026-07-28) are invalid.
   */
  public CompletableFuture<List<Tool>> listAllTools() {
    return all("tools/list", ListToolsResult.class, page -> UsableTools.of(page.tools()), ListToolsResult::nextCursor);
  }

  /** Calls tool {@code name} with {@code arguments}: a map, a record, a JSON node, or null for none. */
  public CompletableFuture<CallToolResult> callTool(String name, @Nullable Object arguments) {
    return callTool(name, arguments, RequestOptions.defaults());
  }

  /** Calls a tool with per-call options (timeout, progress). */
  public CompletableFuture<CallToolResult> callTool(String name, @Nullable Object arguments, RequestOptions options) {
    CallToolRequestParams params =
        CallToolRequestParams.of(name, arguments == null ? null : Json.MAPPER.valueToTree(arguments));
    return callTool(params, options);
  }

  /** Calls a tool with fully specified parameters. */
  public CompletableFuture<CallToolResult> callTool(CallToolRequestParams params, RequestOptions options) {
    return core.call("tools/call", params, options, CallToolResult.class);
  }

  /** One page of resources. */
  public CompletableFuture<ListResourcesResult> listResources(@Nullable String cursor) {
    return core.call("resources/list", page(cursor), RequestOptions.defaults(), ListResourcesResult.class);
  }

  /** Every resource, following {@code nextCursor} across pages. */
  public CompletableFuture<List<Resource>> listAllResources() {
    return all("resources/list", ListResourcesResult.class, ListResourcesResult::resources,
        ListResourcesResult::nextCursor);
  }

  /** One page of resource templates. */
  public CompletableFuture<ListResourceTemplatesResult> listResourceTemplates(@Nullable String cursor) {
    return core.call(
        "resources/templates/list", page(cursor), RequestOptions.defaults(), ListResourceTemplatesResult.class);
  }

  /** Every resource template, following {@code nextCursor} across pages. */
  public CompletableFuture<List<ResourceTemplate>> listAllResourceTemplates() {
    return all("resources/templates/list", ListResourceTemplatesResult.class,
        ListResourceTemplatesResult::resourceTemplates, ListResourceTemplatesResult::nextCursor);
  }

  /** Reads the resource at {@code uri}. */
  public CompletableFuture<ReadResourceResult> readResource(String uri) {
    return readResource(ReadResourceRequestParams.of(uri), RequestOptions.defaults());
  }

  /** Reads a resource with per-call options. */
  public CompletableFuture<ReadResourceResult> readResource(ReadResourceRequestParams params, RequestOptions options) {
    return core.call("resources/read", params, options, ReadResourceResult.class);
  }

  /** Subscribes to changes of the resource at {@code uri} (legacy servers; see {@link #listen} for modern ones). */
  public CompletableFuture<Void> subscribeResource(String uri) {
    return core.call("resources/subscribe", Map.of("uri", uri), RequestOptions.defaults(), ignored -> (Void) null);
  }

  /** Ends a subscription made by {@link #subscribeResource}. */
  public CompletableFuture<Void> unsubscribeResource(String uri) {
    return core.call("resources/unsubscribe", Map.of("uri", uri), RequestOptions.defaults(), ignored -> (Void) null);
  }

  /**
   * Opens a {@code subscriptions/listen} stream for the notifications in {@code filter} (modern servers); they
   * arrive at the listeners registered on the builder.
   *
   * @throws IllegalStateException if the server speaks the legacy era
   */
  public Subscription listen(SubscriptionFilter filter) {
    return core.listen(filter);
  }

  /** One page of prompts. */
  public CompletableFuture<ListPromptsResult> listPrompts(@Nullable String cursor) {
    return core.call("prompts/list", page(cursor), RequestOptions.defaults(), ListPromptsResult.class);
  }

  /** Every prompt, following {@code nextCursor} across pages. */
  public CompletableFuture<List<Prompt>> listAllPrompts() {
    return all("prompts/list", ListPromptsResult.class, ListPromptsResult::prompts, ListPromptsResult::nextCursor);
  }

  /** Renders prompt {@code name} with {@code arguments}. */
  public CompletableFuture<GetPromptResult> getPrompt(String name, Map<String, String> arguments) {
    return getPrompt(GetPromptRequestParams.of(name, arguments), RequestOptions.defaults());
  }

  /** Renders a prompt with per-call options. */
  public CompletableFuture<GetPromptResult> getPrompt(GetPromptRequestParams params, RequestOptions options) {
    return core.call("prompts/get", params, options, GetPromptResult.class);
  }

  /** Asks for completions of an argument. */
  public CompletableFuture<CompleteResult> complete(CompleteRequestParams params) {
    return core.call("completion/complete", params, RequestOptions.defaults(), CompleteResult.class);
  }

  /**
   * Sets the lowest level of log messages the client wants: {@code logging/setLevel} on a legacy server, the level
   * sent with every request on a modern one.
   */
  public CompletableFuture<Void> setLoggingLevel(LoggingLevel level) {
    return core.setLogLevel(level);
  }

  /** Tells a legacy server that the client's roots changed. */
  public CompletableFuture<Void> rootsListChanged() {
    return core.notify("notifications/roots/list_changed", null).toCompletableFuture();
  }

  /** The state of a task (2025-11-25, experimental). */
  public CompletableFuture<Task> getTask(String taskId) {
    return core.call("tasks/get", Map.of("taskId", taskId), RequestOptions.defaults(), Task.class);
  }

  /** The result of a finished task, waiting until it finishes (2025-11-25, experimental). */
  public CompletableFuture<JsonPayload> getTaskResult(String taskId, RequestOptions options) {
    return core.call("tasks/result", Map.of("taskId", taskId), options);
  }

  /** One page of tasks (2025-11-25, experimental). */
  public CompletableFuture<ListTasksResult> listTasks(@Nullable String cursor) {
    return core.call("tasks/list", page(cursor), RequestOptions.defaults(), ListTasksResult.class);
  }

  /** Cancels a task (2025-11-25, experimental). */
  public CompletableFuture<Task> cancelTask(String taskId) {
    return core.call("tasks/cancel", Map.of("taskId", taskId), RequestOptions.defaults(), Task.class);
  }

  /** Sends any request and returns its raw result, for methods this class has no method for. */
  public CompletableFuture<JsonPayload> request(String method, @Nullable Object params, RequestOptions options) {
    return core.call(method, params, options);
  }

  /** Sends any notification. */
  public CompletableFuture<Void> notify(String method, @Nullable Object params) {
    return core.notify(method, params).toCompletableFuture();
  }

  /** Whether the connection has ended. */
  public boolean isClosed() {
    return core.isClosed();
  }

  /**
   * Completes when the connection ends, by either side: normally after {@link #close()} or the server's orderly end,
   * exceptionally with what ended it otherwise (a server process that exited, a lost connection).
   */
  public CompletionStage<Void> closeFuture() {
    return core.closeFuture().minimalCompletionStage();
  }

  /** Closes the connection; calls in progress fail. */
  @Override
  public void close() {
    core.close();
  }

  private <R, T> CompletableFuture<List<T>> all(
      String method, Class<R> type, Function<R, List<T>> items, Function<R, @Nullable String> next) {
    return Pages.all(
        cursor -> core.call(method, page(cursor), RequestOptions.defaults(), payload -> {
          R result = ClientCore.bind(method, payload, type);
          return new Pages.Page<>(items.apply(result), next.apply(result));
        }),
        maxPages);
  }

  private static @Nullable PaginatedRequestParams page(@Nullable String cursor) {
    return cursor == null ? null : PaginatedRequestParams.of(cursor);
  }
}
