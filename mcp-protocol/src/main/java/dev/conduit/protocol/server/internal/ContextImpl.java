package dev.conduit.protocol.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.internal.CallOptions;
import dev.conduit.protocol.internal.InboundRequest;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.jsonrpc.internal.Json;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.CreateMessageRequestParams;
import dev.conduit.protocol.schema.CreateMessageResult;
import dev.conduit.protocol.schema.ElicitRequestParams;
import dev.conduit.protocol.schema.ElicitRequestURLParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.schema.InputRequest;
import dev.conduit.protocol.schema.ListRootsResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.Root;
import dev.conduit.protocol.server.RequestContext;
import dev.conduit.protocol.transport.TransportContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The {@link RequestContext} of one request. Asking for client input sends real requests on a legacy connection, and
 * goes through the {@link InputRound} on a modern request.
 */
final class ContextImpl implements RequestContext {

  private final ServerConnection connection;
  private final InboundRequest inbound;
  private final McpRequest request;
  private final RequestScope scope;
  private final @Nullable InputRound round;

  ContextImpl(
      ServerConnection connection, InboundRequest inbound, McpRequest request, RequestScope scope,
      @Nullable InputRound round) {
    this.connection = connection;
    this.inbound = inbound;
    this.request = request;
    this.scope = scope;
    this.round = round;
  }

  @Override
  public RequestId requestId() {
    return inbound.id();
  }

  @Override
  public String method() {
    return inbound.method();
  }

  @Override
  public ProtocolVersion protocolVersion() {
    return scope.version();
  }

  @Override
  public @Nullable Implementation clientInfo() {
    return scope.clientInfo();
  }

  @Override
  public ClientCapabilities clientCapabilities() {
    return scope.clientCapabilities();
  }

  @Override
  public TransportContext transport() {
    return inbound.context();
  }

  @Override
  public @Nullable Object attribute(String name) {
    return request.attribute(name);
  }

  @Override
  public void progress(double progress, @Nullable Double total, @Nullable String message) {
    if (scope.progressToken() == null) {
      return;
    }
    ObjectNode params = Json.MAPPER.createObjectNode();
    params.set("progressToken", Json.MAPPER.valueToTree(scope.progressToken()));
    params.put("progress", progress);
    if (total != null) {
      params.put("total", total);
    }
    if (message != null && scope.version().supports(ProtocolVersion.Feature.PROGRESS_MESSAGE)) {
      params.put("message", message);
    }
    connection.notifyFor(inbound.id(), "notifications/progress", params);
  }

  @Override
  public void log(LoggingLevel level, Object data) {
    LoggingLevel threshold = scope.modern() ? scope.logLevel() : connection.logLevel();
    if (scope.modern() && threshold == null || threshold != null && !level.isAtLeast(threshold)) {
      return;
    }
    ObjectNode params = Json.MAPPER.createObjectNode();
    params.put("level", level.id());
    params.put("logger", connection.server().info().name());
    params.set("data", Json.MAPPER.valueToTree(data));
    connection.notifyFor(inbound.id(), "notifications/message", params);
  }

  @Override
  public boolean isCancelled() {
    return inbound.cancellation().isCancelled();
  }

  @Override
  public void onCancel(Runnable callback) {
    inbound.cancellation().onCancel(callback);
  }

  @Override
  public ElicitResult elicit(ElicitRequestParams params) {
    ClientCapabilities caps = scope.clientCapabilities();
    ProtocolVersion version = scope.version();
    if (params instanceof ElicitRequestURLParams url) {
      if (!caps.supportsUrlElicitation() || !version.supports(ProtocolVersion.Feature.URL_ELICITATION)) {
        throw missingCapability("URL elicitation", "elicitation", "url");
      }
      params = withElicitationId(url);
    } else if (!caps.supportsFormElicitation() || !version.supports(ProtocolVersion.Feature.ELICITATION)) {
      throw missingCapability("elicitation", "elicitation", "form");
    }
    return ask("elicitation", InputRequest.elicitation(params), ElicitResult.class);
  }

  // 2025-11-25 requires an id on URL elicitations (the client reports completion by it); 2026-07-28 dropped it.
  private ElicitRequestParams withElicitationId(ElicitRequestURLParams url) {
    boolean needsId = scope.version().supports(ProtocolVersion.Feature.ELICITATION_COMPLETE_NOTIFICATION);
    if (!needsId || url.elicitationId() != null) {
      return url;
    }
    return new ElicitRequestURLParams(url.mode(), url.message(), UUID.randomUUID().toString(), url.url(), url.task(),
        url.meta(), url.additionalFields());
  }

  @Override
  public CreateMessageResult sample(CreateMessageRequestParams params) {
    ClientCapabilities caps = scope.clientCapabilities();
    boolean tools = params.tools() != null;
    if (!caps.hasSampling()
        || tools && (!caps.supportsSamplingTools() || !scope.version().supports(ProtocolVersion.Feature.SAMPLING_TOOLS))) {
      throw missingCapability(params.tools() != null ? "sampling with tools" : "sampling", "sampling",
          params.tools() != null ? "tools" : null);
    }
    return ask("sampling", InputRequest.sampling(params), CreateMessageResult.class);
  }

  @Override
  public List<Root> roots() {
    if (!scope.clientCapabilities().hasRoots()) {
      throw missingCapability("roots", "roots", null);
    }
    return ask("roots", InputRequest.listRoots(), ListRootsResult.class).roots();
  }

  @Override
  public Map<String, JsonNode> requestInputs(Map<String, InputRequest> requests) {
    if (round != null) {
      Map<String, JsonNode> answers = new LinkedHashMap<>();
      requests.forEach((key, question) -> {
        JsonNode answer = round.answer(key);
        if (answer == null) {
          round.ask(key, question);
        } else {
          answers.put(key, answer);
        }
      });
      if (answers.size() < requests.size()) {
        throw new InputRound.Required();
      }
      return answers;
    }
    requireLegacyInput();
    Map<String, CompletableFuture<JsonPayload>> pending = new LinkedHashMap<>();
    requests.forEach((key, question) -> pending.put(key, send(question)));
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    pending.forEach((key, future) -> answers.put(key, await(future).tree()));
    return answers;
  }

  private <T> T ask(String kind, InputRequest question, Class<T> answerType) {
    if (round != null) {
      String key = round.nextKey(kind);
      JsonNode answer = round.answer(key);
      if (answer == null) {
        round.ask(key, question);
        throw new InputRound.Required();
      }
      return bindAnswer(key, answer, answerType);
    }
    requireLegacyInput();
    JsonPayload answer = await(send(question));
    try {
      return answer.as(answerType);
    } catch (IllegalArgumentException e) {
      throw new McpException(ErrorCodes.INTERNAL_ERROR, "The client's answer to " + question.method()
          + " was invalid: " + e.getMessage(), null, e);
    }
  }

  private static <T> T bindAnswer(String key, JsonNode answer, Class<T> type) {
    try {
      return JsonPayload.of(answer).as(type);
    } catch (IllegalArgumentException e) {
      throw McpException.invalidParams("Invalid input response '" + key + "': " + e.getMessage());
    }
  }

  private void requireLegacyInput() {
    if (scope.modern()) {
      throw new McpException(ErrorCodes.INTERNAL_ERROR,
          "A handler of " + inbound.method() + " cannot ask the client for input on a 2026-07-28 request");
    }
  }

  private CompletableFuture<JsonPayload> send(InputRequest question) {
    JsonNode params = question.params();
    return connection.requestFor(
        inbound.id(), question.method(), params == null ? null : JsonPayload.of(params),
        CallOptions.of(connection.server().config().clientRequestTimeout()));
  }

  private JsonPayload await(CompletableFuture<JsonPayload> answer) {
    try {
      return answer.get();
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("The request was cancelled while waiting for the client");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof McpException mcp) {
        throw mcp;
      }
      throw new McpException(ErrorCodes.INTERNAL_ERROR, "Asking the client failed", null, e.getCause());
    }
  }

  private static McpException missingCapability(String what, String capability, @Nullable String mode) {
    ObjectNode required = Json.MAPPER.createObjectNode();
    ObjectNode detail = required.putObject(capability);
    if (mode != null) {
      detail.putObject(mode);
    }
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.set("requiredCapabilities", required);
    return new McpException(ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
        "The client does not support " + what, data);
  }
}
