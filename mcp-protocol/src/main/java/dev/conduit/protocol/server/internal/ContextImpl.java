package dev.conduit.protocol.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.internal.InboundRequest;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.jsonrpc.internal.Json;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.CreateMessageRequestParams;
import dev.conduit.protocol.schema.CreateMessageResult;
import dev.conduit.protocol.schema.ElicitRequestParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.schema.InputRequest;
import dev.conduit.protocol.schema.ListRootsResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.schema.ProgressToken;
import dev.conduit.protocol.schema.Root;
import dev.conduit.protocol.server.RequestContext;
import dev.conduit.protocol.server.ServerSession;
import dev.conduit.protocol.transport.TransportContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The {@link RequestContext} of one request. Asking for client input sends real requests on a legacy connection; on
 * a modern request a blocking handler goes through the {@link InputRound} (and runs again), an asynchronous one
 * through its {@link HeldCall} (and is held open).
 */
final class ContextImpl implements RequestContext {

  private final ServerConnection connection;
  private final InboundRequest inbound;
  private final McpRequest request;
  private final RequestScope scope;
  private final @Nullable InputRound round;
  private final InputQuestions questions;
  private volatile @Nullable HeldCall held;
  private @Nullable Meta meta;

  ContextImpl(
      ServerConnection connection, InboundRequest inbound, McpRequest request, RequestScope scope,
      @Nullable InputRound round) {
    this.connection = connection;
    this.inbound = inbound;
    this.request = request;
    this.scope = scope;
    this.round = round;
    this.questions = new InputQuestions(scope);
  }

  /** Makes this the context of an asynchronous call held across modern input rounds. */
  void hold(HeldCall call) {
    this.held = call;
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
  public ServerSession session() {
    return connection;
  }

  @Override
  public Meta meta() {
    Meta known = meta;
    if (known == null) {
      JsonPayload member = inbound.params() == null ? null : inbound.params().member("_meta");
      known = member == null ? Meta.empty() : member.as(Meta.class);
      meta = known;
    }
    return known;
  }

  @Override
  public @Nullable ProgressToken progressToken() {
    RoundTarget target = target();
    return target == null ? null : target.scope().progressToken();
  }

  @Override
  public @Nullable Object attribute(String name) {
    return request.attribute(name);
  }

  /** Where notifications about this request go now; {@code null} when the client waits on no round of it. */
  private @Nullable RoundTarget target() {
    HeldCall call = held;
    return call == null ? new RoundTarget(connection, inbound.id(), scope) : call.target();
  }

  @Override
  public void progress(double progress, @Nullable Double total, @Nullable String message) {
    RoundTarget target = target();
    ProgressToken token = target == null ? null : target.scope().progressToken();
    if (token == null) {
      return;
    }
    ObjectNode params = Json.MAPPER.createObjectNode();
    params.set("progressToken", Json.MAPPER.valueToTree(token));
    params.put("progress", progress);
    if (total != null) {
      params.put("total", total);
    }
    if (message != null && target.scope().version().supports(ProtocolVersion.Feature.PROGRESS_MESSAGE)) {
      params.put("message", message);
    }
    target.connection().notifyFor(target.requestId(), "notifications/progress", params);
  }

  @Override
  public void log(LoggingLevel level, Object data) {
    log(level, null, data);
  }

  @Override
  public void log(LoggingLevel level, @Nullable String logger, Object data) {
    RoundTarget target = target();
    if (target == null) {
      return;
    }
    RequestScope current = target.scope();
    LoggingLevel threshold = current.modern() ? current.logLevel() : target.connection().logLevel();
    if (current.modern() && threshold == null || threshold != null && !level.isAtLeast(threshold)) {
      return;
    }
    target.connection().notifyFor(target.requestId(), "notifications/message",
        ServerConnection.logParams(level, logger != null ? logger : connection.server().info().name(), data));
  }

  @Override
  public void notify(String method, @Nullable Object params) {
    RoundTarget target = target();
    if (target != null) {
      target.connection().notifyFor(target.requestId(), method, params);
    }
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
    return ask("elicitation", questions.elicitation(params), ElicitResult.class);
  }

  @Override
  public CreateMessageResult sample(CreateMessageRequestParams params) {
    return ask("sampling", questions.sampling(params), CreateMessageResult.class);
  }

  @Override
  public List<Root> roots() {
    return ask("roots", questions.roots(), ListRootsResult.class).roots();
  }

  @Override
  public Map<String, JsonNode> requestInputs(Map<String, InputRequest> requests) {
    Map<String, InputRequest> checked = new LinkedHashMap<>();
    requests.forEach((key, question) -> checked.put(key, questions.check(question)));
    if (round != null) {
      Map<String, JsonNode> answers = new LinkedHashMap<>();
      checked.forEach((key, question) -> {
        JsonNode answer = round.answer(key);
        if (answer == null) {
          round.ask(key, question);
        } else if (!answer.isObject()) {
          // Every input a client can give (an ElicitResult, a CreateMessageResult, a ListRootsResult) is an object.
          throw McpException.invalidParams("Invalid input response '" + key + "': must be a JSON object");
        } else {
          answers.put(key, answer);
        }
      });
      if (answers.size() < checked.size()) {
        throw new InputRound.Required();
      }
      return answers;
    }
    requireLegacyInput();
    Map<String, CompletableFuture<JsonPayload>> pending = new LinkedHashMap<>();
    checked.forEach((key, question) -> pending.put(key, send(question)));
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    pending.forEach((key, future) -> answers.put(key, await(future).tree()));
    return answers;
  }

  @Override
  public CompletionStage<JsonPayload> requestInputAsync(InputRequest request) {
    InputRequest question;
    try {
      question = questions.check(request);
    } catch (McpException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (!scope.modern()) {
      CompletableFuture<JsonPayload> answer = send(question);
      onCancel(() -> answer.cancel(true));
      return answer;
    }
    HeldCall call = held;
    if (call == null) {
      return CompletableFuture.failedFuture(new McpException(ErrorCodes.INTERNAL_ERROR,
          "A blocking handler of " + inbound.method() + " asks for input with elicit(), sample(), roots() or"
              + " requestInputs() on a 2026-07-28 request; requestInputAsync() needs an asynchronous handler"));
    }
    return call.ask(question);
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
    return connection.requestFor(inbound.id(), question.method(), params == null ? null : JsonPayload.of(params));
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
}
