package dev.conduit.protocol.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.ElicitationHandler;
import dev.conduit.protocol.client.SamplingHandler;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.internal.Json;
import dev.conduit.protocol.schema.CreateMessageRequestParams;
import dev.conduit.protocol.schema.ElicitRequestParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.EmptyResult;
import dev.conduit.protocol.schema.ListRootsResult;
import dev.conduit.protocol.schema.Root;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers what a server asks of the client, in either era: a legacy server's requests, a modern server's {@code
 * inputRequests}. Elicitation answers are completed with the schema's defaults.
 */
public final class InputResolver {

  private static final Logger log = LoggerFactory.getLogger(InputResolver.class);

  private final @Nullable SamplingHandler sampling;
  private final @Nullable ElicitationHandler elicitation;
  private final @Nullable Supplier<List<Root>> roots;

  public InputResolver(
      @Nullable SamplingHandler sampling, @Nullable ElicitationHandler elicitation,
      @Nullable Supplier<List<Root>> roots) {
    this.sampling = sampling;
    this.elicitation = elicitation;
    this.roots = roots;
  }

  /**
   * The answer to one request.
   *
   * @throws McpException with code -32601 for a request this client cannot answer, -32602 for malformed params
   */
  Object resolve(String method, @Nullable JsonPayload params) {
    switch (method) {
      case "ping":
        return EmptyResult.instance();
      case "roots/list":
        if (roots == null) {
          throw McpException.methodNotFound(method);
        }
        return ListRootsResult.of(roots.get().toArray(Root[]::new));
      case "sampling/createMessage":
        if (sampling == null) {
          throw McpException.methodNotFound(method);
        }
        CreateMessageRequestParams request = bind(params, CreateMessageRequestParams.class);
        return call(() -> sampling.createMessage(request));
      case "elicitation/create":
        if (elicitation == null) {
          throw McpException.methodNotFound(method);
        }
        ElicitRequestParams question = bind(params, ElicitRequestParams.class);
        ElicitResult answer = call(() -> elicitation.elicit(question));
        return withDefaults(question, answer);
      default:
        throw McpException.methodNotFound(method);
    }
  }

  /** Fills the fields an accepted form answer left out with the defaults its schema declares (SEP-1034). */
  static ElicitResult withDefaults(ElicitRequestParams question, ElicitResult answer) {
    if (answer.action() != dev.conduit.protocol.schema.ElicitAction.ACCEPT) {
      return answer;
    }
    JsonNode properties = Json.MAPPER.valueToTree(question).path("requestedSchema").path("properties");
    if (!properties.isObject()) {
      return answer;
    }
    ObjectNode content =
        answer.content() instanceof ObjectNode given ? given.deepCopy() : Json.MAPPER.createObjectNode();
    boolean changed = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      JsonNode fallback = property.getValue().get("default");
      if (fallback != null && !content.has(property.getKey())) {
        content.set(property.getKey(), fallback);
        changed = true;
      }
    }
    return changed
        ? new ElicitResult(answer.action(), content, answer.resultType(), answer.meta(), answer.additionalFields())
        : answer;
  }

  private static <T> T bind(@Nullable JsonPayload params, Class<T> type) {
    if (params == null) {
      throw McpException.invalidParams("Invalid params: missing");
    }
    try {
      return params.as(type);
    } catch (IllegalArgumentException e) {
      throw McpException.invalidParams("Invalid params: " + e.getMessage());
    }
  }

  private static <T> T call(Answer<T> answer) {
    try {
      T result = answer.get();
      if (result == null) {
        throw new McpException(ErrorCodes.INTERNAL_ERROR, "The client produced no answer");
      }
      return result;
    } catch (McpException | CancellationException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted");
    } catch (Exception e) {
      log.warn("Client handler failed", e);
      throw new McpException(ErrorCodes.INTERNAL_ERROR, "Internal error");
    }
  }

  @FunctionalInterface
  private interface Answer<T> {
    T get() throws Exception;
  }
}
