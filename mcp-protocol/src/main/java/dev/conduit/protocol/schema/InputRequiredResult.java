package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A modern (2026-07-28) result saying that the server needs more before it can answer ({@code "resultType":
 * "input_required"}). The client fulfils {@code inputRequests} and retries the original request, with a new id,
 * carrying the answers in {@code inputResponses} and {@code requestState} unchanged.
 *
 * @param inputRequests what the server asks of the client, by a key the answers repeat
 * @param requestState opaque state the client must send back as it is
 * @param resultType {@code "input_required"}
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record InputRequiredResult(
    @Nullable Map<String, InputRequest> inputRequests,
    @Nullable String requestState,
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  /** The {@code resultType} of this result. */
  public static final String RESULT_TYPE = "input_required";

  public InputRequiredResult {
    inputRequests = Checks.optionalMap(inputRequests);
    additionalFields = Checks.additional(additionalFields);
  }

  /** A result asking for {@code inputRequests}, in their order, and carrying {@code requestState}. */
  public static InputRequiredResult of(
      @Nullable Map<String, InputRequest> inputRequests, @Nullable String requestState) {
    return new InputRequiredResult(inputRequests, requestState, RESULT_TYPE, null, Map.of());
  }
}
