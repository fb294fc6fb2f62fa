package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code prompts/get}: the prompt, with its arguments filled in.
 *
 * @param description what the prompt is for
 * @param messages the prompt's messages
 * @param resultType {@code "complete"} on a modern (2026-07-28) result; absent on a legacy one
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record GetPromptResult(
    @Nullable String description,
    List<PromptMessage> messages,
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public GetPromptResult {
    messages = Checks.requiredList(messages, "messages");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A prompt of {@code messages}. */
  public static GetPromptResult of(@Nullable String description, PromptMessage... messages) {
    return new GetPromptResult(description, List.of(messages), null, null, Map.of());
  }
}
