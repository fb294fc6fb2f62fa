package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code prompts/get}.
 *
 * @param name the prompt or template to get
 * @param arguments the template's arguments, all strings
 * @param inputResponses the client's answers to an {@code input_required} result, by key (2026-07-28)
 * @param requestState the opaque state of an {@code input_required} result, sent back as it was (2026-07-28)
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record GetPromptRequestParams(
    String name,
    @Nullable Map<String, String> arguments,
    @Nullable Map<String, JsonNode> inputResponses,
    @Nullable String requestState,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public GetPromptRequestParams {
    Checks.required(name, "name");
    arguments = Checks.optionalMap(arguments);
    inputResponses = Checks.optionalMap(inputResponses);
    additionalFields = Checks.additional(additionalFields);
  }

  /** Asks for prompt {@code name} with {@code arguments}. */
  public static GetPromptRequestParams of(String name, @Nullable Map<String, String> arguments) {
    return new GetPromptRequestParams(name, arguments, null, null, null, Map.of());
  }

  /** A copy with another {@code _meta}. */
  public GetPromptRequestParams withMeta(@Nullable Meta meta) {
    return new GetPromptRequestParams(name, arguments, inputResponses, requestState, meta, additionalFields);
  }

  /** A copy that retries after an {@code input_required} result, carrying the answers and the state back. */
  public GetPromptRequestParams withInputResponses(
      @Nullable Map<String, JsonNode> inputResponses, @Nullable String requestState) {
    return new GetPromptRequestParams(name, arguments, inputResponses, requestState, meta, additionalFields);
  }
}
