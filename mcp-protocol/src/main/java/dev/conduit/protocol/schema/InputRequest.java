package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request a modern (2026-07-28) server embeds in an {@link InputRequiredResult} instead of sending it: {@code
 * elicitation/create}, {@code sampling/createMessage} or {@code roots/list}, without a JSON-RPC id. The client
 * answers it in the retried request's {@code inputResponses}, under the same key.
 *
 * <p>{@code params} stays JSON so that a request this library cannot bind (a method from a later revision, say)
 * still passes through; {@link #elicitParams()} and {@link #createMessageParams()} bind it on demand.
 *
 * @param method the method, such as {@code elicitation/create}
 * @param params the parameters, if any; treat the node as read-only
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record InputRequest(
    String method,
    @Nullable JsonNode params,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  /** Asks the user for input. */
  public static final String ELICITATION = "elicitation/create";

  /** Asks the client to run an LLM. */
  public static final String SAMPLING = "sampling/createMessage";

  /** Asks for the client's roots. */
  public static final String LIST_ROOTS = "roots/list";

  public InputRequest {
    Checks.required(method, "method");
    additionalFields = Checks.additional(additionalFields);
  }

  /** An elicitation, form or URL mode. */
  public static InputRequest elicitation(ElicitRequestParams params) {
    return new InputRequest(ELICITATION, Json.MAPPER.valueToTree(params), Map.of());
  }

  /** A sampling request. */
  public static InputRequest sampling(CreateMessageRequestParams params) {
    return new InputRequest(SAMPLING, Json.MAPPER.valueToTree(params), Map.of());
  }

  /** A request for the client's roots. */
  public static InputRequest listRoots() {
    return new InputRequest(LIST_ROOTS, null, Map.of());
  }

  /**
   * The parameters of an {@code elicitation/create}.
   *
   * @throws IllegalArgumentException if this is another method, or the parameters do not fit
   */
  public ElicitRequestParams elicitParams() {
    return bind(ELICITATION, ElicitRequestParams.class);
  }

  /**
   * The parameters of a {@code sampling/createMessage}.
   *
   * @throws IllegalArgumentException if this is another method, or the parameters do not fit
   */
  public CreateMessageRequestParams createMessageParams() {
    return bind(SAMPLING, CreateMessageRequestParams.class);
  }

  private <T> T bind(String expected, Class<T> type) {
    if (!expected.equals(method)) {
      throw new IllegalArgumentException("input request is '" + method + "', not '" + expected + "'");
    }
    if (params == null || params.isNull()) {
      throw new IllegalArgumentException("missing required field 'params'");
    }
    try {
      return Json.MAPPER.treeToValue(params, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(Json.describe(e), e);
    }
  }
}
