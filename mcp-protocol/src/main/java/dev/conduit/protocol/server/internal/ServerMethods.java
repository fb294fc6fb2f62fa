package dev.conduit.protocol.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.internal.InboundRequest;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.internal.Json;
import dev.conduit.protocol.schema.CompleteRequestParams;
import dev.conduit.protocol.schema.CompleteResult;
import dev.conduit.protocol.schema.DiscoverResult;
import dev.conduit.protocol.schema.EmptyResult;
import dev.conduit.protocol.schema.InitializeRequestParams;
import dev.conduit.protocol.schema.InitializeResult;
import dev.conduit.protocol.schema.ListPromptsResult;
import dev.conduit.protocol.schema.ListResourceTemplatesResult;
import dev.conduit.protocol.schema.ListResourcesResult;
import dev.conduit.protocol.schema.ListToolsResult;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.schema.PaginatedRequestParams;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.PromptReference;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.ResourceTemplateReference;
import dev.conduit.protocol.schema.SetLevelRequestParams;
import dev.conduit.protocol.schema.SubscribeRequestParams;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.schema.UnsubscribeRequestParams;
import dev.conduit.protocol.server.CompletionHandler;
import dev.conduit.protocol.server.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Routes a request to the method that serves it, in the request's era, and shapes the result for that era. */
final class ServerMethods {

  private static final int MAX_COMPLETIONS = 100;

  private final ServerState server;
  private final ServerConnection connection;
  private final Features features;

  ServerMethods(ServerState server, ServerConnection connection) {
    this.server = server;
    this.connection = connection;
    this.features = new Features(server, connection);
  }

  CompletionStage<JsonPayload> dispatch(McpRequest request, InboundRequest inbound, RequestScope scope) {
    try {
      RequestHandler handler = server.config().handlerFor(request.method(), scope.modern());
      if (handler != null) {
        return features.raw(handler, request, inbound, scope);
      }
      if (request.method().equals("subscriptions/listen") && scope.modern()) {
        return features.listen(request, inbound);
      }
      Object result = invoke(request, inbound, scope);
      return CompletableFuture.completedFuture(
          scope.modern() ? modernResult(result, cacheable(request.method())) : JsonPayload.of(result));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Object invoke(McpRequest request, InboundRequest inbound, RequestScope scope) {
    String method = request.method();
    switch (method) {
      case "tools/list":
        return listTools(request);
      case "tools/call":
        return features.callTool(request, inbound, scope);
      case "resources/list":
        return listResources(request);
      case "resources/templates/list":
        return listTemplates(request);
      case "resources/read":
        return features.readResource(request, inbound, scope);
      case "prompts/list":
        return listPrompts(request);
      case "prompts/get":
        return features.getPrompt(request, inbound, scope);
      case "completion/complete":
        return complete(request, inbound, scope);
      default:
        return scope.modern() ? modernOnly(request) : legacyOnly(request);
    }
  }

  private Object modernOnly(McpRequest request) {
    if (request.method().equals("server/discover")) {
      return new DiscoverResult(
          server.config().versionIds(true), server.capabilities(), server.config().instructions(),
          server.config().cacheTtlMillis(), server.config().cacheScope(), null, null, Map.of());
    }
    throw McpException.methodNotFound(request.method());
  }

  private Object legacyOnly(McpRequest request) {
    switch (request.method()) {
      case "initialize":
        return initialize(request);
      case "ping":
        return EmptyResult.instance();
      case "logging/setLevel":
        connection.logLevel(request.params(SetLevelRequestParams.class).level());
        return EmptyResult.instance();
      case "resources/subscribe":
        connection.subscribe(request.params(SubscribeRequestParams.class).uri());
        return EmptyResult.instance();
      case "resources/unsubscribe":
        connection.unsubscribe(request.params(UnsubscribeRequestParams.class).uri());
        return EmptyResult.instance();
      default:
        throw McpException.methodNotFound(request.method());
    }
  }

  private InitializeResult initialize(McpRequest request) {
    // A stateless connection needs no handshake, but a legacy client still starts with one, which must succeed.
    if (connection.legacy() != null && !connection.isStateless()) {
      throw new McpException(ErrorCodes.INVALID_REQUEST, "Invalid Request: the session is already initialized");
    }
    InitializeRequestParams params = request.params(InitializeRequestParams.class);
    ProtocolVersion version =
        ProtocolVersion.parse(params.protocolVersion())
            .filter(v -> !v.isModern() && server.config().versions().contains(v))
            .orElse(server.config().newestLegacy());
    connection.initialized(new ServerConnection.Legacy(version, params.clientInfo(), params.capabilities()));
    return new InitializeResult(
        version.id(), server.capabilities(), server.info(), server.config().instructions(), null, null,
        Map.of());
  }

  private ListToolsResult listTools(McpRequest request) {
    Cursors.Page<Registry.ToolEntry> page = page(server.registry().snapshot().tools(), request);
    List<Tool> tools = page.items().stream().map(Registry.ToolEntry::tool).toList();
    return new ListToolsResult(tools, page.nextCursor(), null, null, null, null, Map.of());
  }

  private ListResourcesResult listResources(McpRequest request) {
    Cursors.Page<Registry.ResourceEntry> page = page(server.registry().snapshot().resources(), request);
    List<Resource> resources = page.items().stream().map(Registry.ResourceEntry::resource).toList();
    return new ListResourcesResult(resources, page.nextCursor(), null, null, null, null, Map.of());
  }

  private ListResourceTemplatesResult listTemplates(McpRequest request) {
    Cursors.Page<Registry.TemplateEntry> page = page(server.registry().snapshot().templates(), request);
    List<ResourceTemplate> templates = page.items().stream().map(Registry.TemplateEntry::template).toList();
    return new ListResourceTemplatesResult(templates, page.nextCursor(), null, null, null, null, Map.of());
  }

  private ListPromptsResult listPrompts(McpRequest request) {
    Cursors.Page<Registry.PromptEntry> page = page(server.registry().snapshot().prompts(), request);
    List<Prompt> prompts = page.items().stream().map(Registry.PromptEntry::prompt).toList();
    return new ListPromptsResult(prompts, page.nextCursor(), null, null, null, null, Map.of());
  }

  private <T> Cursors.Page<T> page(Catalog<T> items, McpRequest request) {
    String cursor = request.params() == null ? null : request.params(PaginatedRequestParams.class).cursor();
    return Cursors.page(items, cursor, server.config().pageSize());
  }

  private CompleteResult complete(McpRequest request, InboundRequest inbound, RequestScope scope) {
    CompleteRequestParams params = request.params(CompleteRequestParams.class);
    Registry.Snapshot registered = server.registry().snapshot();
    CompletionHandler handler;
    if (params.ref() instanceof PromptReference prompt) {
      if (!registered.prompts().contains(prompt.name())) {
        throw McpException.invalidParams("Unknown prompt: " + prompt.name());
      }
      handler = registered.promptCompletions().get(prompt.name());
    } else {
      String template = ((ResourceTemplateReference) params.ref()).uri();
      if (!registered.templates().contains(template)) {
        throw McpException.invalidParams("Unknown resource template: " + template);
      }
      handler = registered.resourceCompletions().get(template);
    }
    if (handler == null) {
      return CompleteResult.of(List.of());
    }
    CompleteResult result =
        features.run(() -> handler.complete(params, features.context(request, inbound, scope, null)));
    return trim(result);
  }

  private static CompleteResult trim(CompleteResult result) {
    List<String> values = result.completion().values();
    if (values.size() <= MAX_COMPLETIONS) {
      return result;
    }
    return new CompleteResult(
        new CompleteResult.Completion(values.subList(0, MAX_COMPLETIONS), result.completion().total(), true,
            Map.of()),
        result.resultType(), result.meta(), result.additionalFields());
  }

  private static boolean cacheable(String method) {
    return switch (method) {
      case "tools/list", "prompts/list", "resources/list", "resources/templates/list", "resources/read",
          "server/discover" -> true;
      default -> false;
    };
  }

  /**
   * {@code result} as it is if it is in modern form already (it came from {@link #dispatch}, or from a server behind
   * a bridge), else in modern form. A raw result is only looked at through its member index, and spliced.
   */
  JsonPayload inModernForm(String method, JsonPayload result) {
    if (result.isRaw()) {
      return result.member("resultType") != null || !result.isObject() ? result : rawModernResult(result,
          cacheable(method));
    }
    JsonNode tree = result.tree();
    return tree.isObject() && !tree.has("resultType") ? modernResult(result, cacheable(method)) : result;
  }

  /** A raw result in modern form, its other members copied as they are. */
  private JsonPayload rawModernResult(JsonPayload result, boolean cacheable) {
    JsonPayload meta = result.member("_meta");
    ObjectNode metaObject = meta != null && meta.tree() instanceof ObjectNode existing
        ? existing.deepCopy() : Json.MAPPER.createObjectNode();
    if (!metaObject.has(Meta.SERVER_INFO)) {
      metaObject.set(Meta.SERVER_INFO, Json.MAPPER.valueToTree(server.info()));
    }
    JsonPayload shaped = result.withMember("resultType", "complete").withMember("_meta", metaObject);
    if (cacheable) {
      if (result.member("ttlMs") == null) {
        shaped = shaped.withMember("ttlMs", server.config().cacheTtlMillis());
      }
      if (result.member("cacheScope") == null) {
        shaped = shaped.withMember("cacheScope", server.config().cacheScope());
      }
    }
    return shaped;
  }

  /** A result in modern form: {@code resultType}, the server's info in {@code _meta}, caching hints. */
  private JsonPayload modernResult(Object result, boolean cacheable) {
    JsonNode tree = result instanceof JsonPayload payload ? payload.tree().deepCopy() : Json.MAPPER.valueToTree(result);
    if (!(tree instanceof ObjectNode object)) {
      return JsonPayload.of(tree);
    }
    if (!object.has("resultType")) {
      object.put("resultType", "complete");
    }
    JsonNode meta = object.get("_meta");
    ObjectNode metaObject = meta instanceof ObjectNode existing ? existing : object.putObject("_meta");
    if (!metaObject.has(Meta.SERVER_INFO)) {
      metaObject.set(Meta.SERVER_INFO, Json.MAPPER.valueToTree(server.info()));
    }
    if (cacheable && "complete".equals(object.path("resultType").asText())) {
      if (!object.has("ttlMs")) {
        object.put("ttlMs", server.config().cacheTtlMillis());
      }
      if (!object.has("cacheScope")) {
        object.set("cacheScope", Json.MAPPER.valueToTree(server.config().cacheScope()));
      }
    }
    return JsonPayload.of(object);
  }
}
