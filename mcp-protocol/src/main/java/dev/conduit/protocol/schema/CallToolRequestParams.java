package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code tools/call}.
 *
 * @param name the tool to call
 * @param arguments the arguments, a JSON object; may be absent
 * @param task asks for the call to run as a task (2025-11-25)
 * @param inputResponses the client's answers to an {@code input_required} result, by key (2026-07-28)
 * @param requestState the opaque state of an {@code input_required} result, sent back as it was (2026-07-28)
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record CallToolRequestParams(
    String name,
    @Nullable JsonNode arguments,
    @Nullable TaskMetadata task,
    @Nullable Map<String, JsonNode> inputResponses,
    @Nullable String requestState,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public CallToolRequestParams {
    Checks.required(name, "name");
    inputResponses = Checks.optionalMap(inputResponses);
    additionalFields = Checks.additional(additionalFields);
  }

  /** A call of tool {@code name} with {@code arguments}. */
  public static CallToolRequestParams of(String name, @Nullable JsonNode arguments) {
    return new CallToolRequestParams(name, arguments, null, null, null, null, Map.of());
  }

  /** A copy with another {@code _meta}. */
  public CallToolRequestParams withMeta(@Nullable Meta meta) {
    return new CallToolRequestParams(name, arguments, task, inputResponses, requestState, meta, additionalFields);
  }

  /** A copy that asks for the call to run as a task (2025-11-25). */
  public CallToolRequestParams withTask(@Nullable TaskMetadata task) {
    return new CallToolRequestParams(name, arguments, task, inputResponses, requestState, meta, additionalFields);
  }

  /** A copy that retries after an {@code input_required} result, carrying the answers and the state back. */
  public CallToolRequestParams withInputResponses(
      @Nullable Map<String, JsonNode> inputResponses, @Nullable String requestState) {
    return new CallToolRequestParams(name, arguments, task, inputResponses, requestState, meta, additionalFields);
  }
}
