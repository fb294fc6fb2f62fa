package dev.conduit.protocol.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.internal.InboundRequest;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.internal.Json;
import dev.conduit.protocol.schema.CallToolRequestParams;
import dev.conduit.protocol.schema.GetPromptRequestParams;
import dev.conduit.protocol.schema.InputRequiredResult;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.schema.PromptArgument;
import dev.conduit.protocol.schema.ReadResourceRequestParams;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.ServerCapabilities;
import dev.conduit.protocol.schema.SubscriptionFilter;
import dev.conduit.protocol.schema.SubscriptionsListenRequestParams;
import dev.conduit.protocol.schema.SubscriptionsListenResult;
import dev.conduit.protocol.server.ListKind;
import dev.conduit.protocol.server.RequestContext;
import dev.conduit.protocol.server.RequestHandler;
import dev.conduit.protocol.transport.TransportContext;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The methods that run user handlers: tools, resources, prompts, and listen streams. On a modern request the first
 * three may end a round with {@code input_required}; this class runs such rounds.
 */
final class Features {

  private static final JsonPayload EMPTY_PARAMS = JsonPayload.ofJson("{}");

  private final ServerState server;
  private final ServerConnection connection;
  private final ToolCalls tools;

  Features(ServerState server, ServerConnection connection) {
    this.server = server;
    this.connection = connection;
    this.tools = new ToolCalls(server);
  }

  Object callTool(McpRequest request, InboundRequest inbound, RequestScope scope) {
    CallToolRequestParams params = request.params(CallToolRequestParams.class);
    Registry.ToolEntry tool = server.registry().snapshot().tools().get(params.name());
    if (tool == null) {
      throw McpException.invalidParams("Unknown tool: " + params.name());
    }
    return inRounds(request, inbound, scope, params.inputResponses(), params.requestState(),
        context -> tools.call(tool, params, context));
  }

  Object readResource(McpRequest request, InboundRequest inbound, RequestScope scope) {
    ReadResourceRequestParams params = request.params(ReadResourceRequestParams.class);
    String uri = params.uri();
    Registry.Snapshot features = server.registry().snapshot();
    Registry.ResourceEntry resource = features.resources().get(uri);
    if (resource != null) {
      return inRounds(request, inbound, scope, params.inputResponses(), params.requestState(),
          context -> run(() -> resource.handler().read(uri, context)));
    }
    for (Registry.TemplateEntry template : features.templates().values()) {
      Map<String, String> variables = template.matcher().match(uri);
      if (variables != null) {
        return inRounds(request, inbound, scope, params.inputResponses(), params.requestState(),
            context -> run(() -> template.handler().read(uri, variables, context)));
      }
    }
    JsonNode data = Json.MAPPER.createObjectNode().put("uri", uri);
    throw new McpException(
        scope.modern() ? ErrorCodes.INVALID_PARAMS : ErrorCodes.RESOURCE_NOT_FOUND, "Resource not found: " + uri,
        data);
  }

  Object getPrompt(McpRequest request, InboundRequest inbound, RequestScope scope) {
    GetPromptRequestParams params = request.params(GetPromptRequestParams.class);
    Registry.PromptEntry prompt = server.registry().snapshot().prompts().get(params.name());
    if (prompt == null) {
      throw McpException.invalidParams("Unknown prompt: " + params.name());
    }
    Map<String, String> arguments = params.arguments() == null ? Map.of() : params.arguments();
    List<PromptArgument> declared = prompt.prompt().arguments() == null ? List.of() : prompt.prompt().arguments();
    for (PromptArgument argument : declared) {
      if (Boolean.TRUE.equals(argument.required()) && !arguments.containsKey(argument.name())) {
        throw McpException.invalidParams(
            "Missing required argument '" + argument.name() + "' of prompt " + params.name());
      }
    }
    return inRounds(request, inbound, scope, params.inputResponses(), params.requestState(),
        context -> run(() -> prompt.handler().get(arguments, context)));
  }

  CompletionStage<JsonPayload> listen(McpRequest request, InboundRequest inbound) {
    SubscriptionsListenRequestParams params = request.params(SubscriptionsListenRequestParams.class);
    SubscriptionFilter wanted = params.notifications();
    Set<ListKind> kinds = EnumSet.noneOf(ListKind.class);
    // What the server declared, not what it holds now: a gateway declares lists its upstreams fill in later.
    ServerCapabilities declared = server.capabilities();
    boolean tools = Boolean.TRUE.equals(wanted.toolsListChanged()) && declared.notifiesToolsChanges();
    boolean prompts = Boolean.TRUE.equals(wanted.promptsListChanged()) && declared.notifiesPromptsChanges();
    boolean resources = Boolean.TRUE.equals(wanted.resourcesListChanged()) && declared.notifiesResourcesChanges();
    List<String> uris = wanted.resourceSubscriptions() != null && declared.supportsResourceSubscriptions()
        ? wanted.resourceSubscriptions() : null;
    if (tools) {
      kinds.add(ListKind.TOOLS);
    }
    if (prompts) {
      kinds.add(ListKind.PROMPTS);
    }
    if (resources) {
      kinds.add(ListKind.RESOURCES);
    }
    SubscriptionFilter honoured =
        new SubscriptionFilter(tools ? Boolean.TRUE : null, prompts ? Boolean.TRUE : null,
            resources ? Boolean.TRUE : null, uris, Map.of());
    Meta subscription = Meta.empty().with(Meta.SUBSCRIPTION_ID, inbound.id());
    JsonPayload closing =
        JsonPayload.of(new SubscriptionsListenResult("complete", subscription.with(Meta.SERVER_INFO, server.info()),
            Map.of()));
    CompletableFuture<JsonPayload> result = new CompletableFuture<>();
    ServerConnection.Listen listen =
        connection.new Listen(inbound.id(), kinds, uris == null ? Set.of() : Set.copyOf(uris), result, closing);
    listen.open();
    inbound.cancellation().onCancel(() -> {
      listen.forget();
      result.cancel(false);
    });
    var acknowledged = Json.MAPPER.createObjectNode();
    acknowledged.set("notifications", Json.MAPPER.valueToTree(honoured));
    listen.send("notifications/subscriptions/acknowledged", acknowledged);
    return result;
  }

  /**
   * Runs an asynchronous handler. Its stage is cancelled with the request. On a modern request the call may be held
   * across input rounds: a retry whose {@code requestState} this server issued for a held call resumes that call
   * instead of running the handler again.
   */
  CompletionStage<JsonPayload> raw(
      RequestHandler handler, McpRequest request, InboundRequest inbound, RequestScope scope) {
    JsonPayload params = request.params() == null ? EMPTY_PARAMS : request.params();
    if (scope.modern()) {
      String state = params.memberText("requestState");
      HeldRounds.Ticket ticket = state == null ? null : server.heldRounds().read(state);
      if (ticket != null) {
        HeldCall call = server.heldRounds().find(ticket);
        JsonPayload answers = params.member("inputResponses");
        return call.resume(ticket.round(), binding(request, inbound.context()),
            answers == null ? null : answers.tree(), new RoundTarget(connection, inbound.id(), scope),
            inbound.cancellation());
      }
    }
    ContextImpl context = new ContextImpl(connection, inbound, request, scope, null);
    CompletableFuture<JsonPayload> response = scope.modern() ? new CompletableFuture<>() : null;
    HeldCall call = null;
    if (response != null) {
      call = new HeldCall(server.heldRounds(), () -> binding(request, inbound.context()), inbound.cancellation(),
          response, new RoundTarget(connection, inbound.id(), scope));
      context.hold(call);
    }
    CompletionStage<JsonPayload> stage;
    try {
      stage = handler.handle(params, context);
      if (stage == null) {
        stage = CompletableFuture.failedFuture(new IllegalStateException("The handler of " + request.method()
            + " returned no stage"));
      }
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    CompletionStage<JsonPayload> result = stage;
    inbound.cancellation().onCancel(() -> result.toCompletableFuture().cancel(true));
    if (call == null) {
      return result;
    }
    call.handler(result);
    result.whenComplete(call::finish);
    return response;
  }

  /**
   * Runs a handler that may ask for client input. On a modern request it runs with the answers known so far; if it
   * asks for more, the round ends with an {@code input_required} result whose signed state carries the answers.
   */
  private Object inRounds(
      McpRequest request,
      InboundRequest inbound,
      RequestScope scope,
      @Nullable Map<String, JsonNode> responses,
      @Nullable String state,
      Function<RequestContext, Object> handler) {
    if (!scope.modern()) {
      return handler.apply(context(request, inbound, scope, null));
    }
    // The binding digests the parameters: only a round that carries or issues state needs it, not every call.
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    if (state != null) {
      RequestStates.Contents earlier = server.requestStates().decode(state, binding(request, inbound.context()));
      answers.putAll(earlier.answers());
      if (responses != null) {
        // Answers to questions this server did not ask are ignored.
        earlier.asked().forEach(key -> {
          if (responses.containsKey(key)) {
            answers.put(key, responses.get(key));
          }
        });
      }
    } else if (responses != null) {
      answers.putAll(responses);
    }
    InputRound round = new InputRound(answers);
    Object result;
    try {
      result = handler.apply(context(request, inbound, scope, round));
    } catch (InputRound.Required required) {
      result = null;
    }
    if (round.complete() && result != null) {
      return result;
    }
    String next =
        server.requestStates().encode(binding(request, inbound.context()), round.unansweredKeys(), round.answers());
    return new InputRequiredResult(round.unanswered(), next, "input_required", null, Map.of());
  }

  private static RequestStates.Binding binding(McpRequest request, TransportContext transport) {
    Object principal = request.attribute(TransportContext.PRINCIPAL);
    JsonNode params = request.params() == null ? null : request.params().tree();
    return new RequestStates.Binding(
        request.method(), request.target(), RequestStates.digest(params),
        principal == null ? null : principal.toString());
  }

  RequestContext context(McpRequest request, InboundRequest inbound, RequestScope scope, @Nullable InputRound round) {
    return new ContextImpl(connection, inbound, request, scope, round);
  }

  /** Runs user code, turning checked exceptions into failures the engine reports as internal errors. */
  <T> T run(Handler<T> handler) {
    try {
      return handler.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted");
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  /** User code that may throw. */
  @FunctionalInterface
  interface Handler<T> {
    T run() throws Exception;
  }
}
