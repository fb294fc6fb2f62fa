package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code sampling/createMessage}: the message the LLM produced.
 *
 * @param role who says it, normally the assistant
 * @param content one block, or (2025-11-25) an array of blocks, such as several tool calls
 * @param model the name of the model that produced it
 * @param stopReason why generation stopped: {@code "endTurn"}, {@code "stopSequence"}, {@code "maxTokens"}, {@code
 *     "toolUse"} (2025-11-25) or any other string, which is why it is not an enum
 * @param resultType absent: in 2026-07-28 this result travels inside {@code inputResponses}, which has none
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record CreateMessageResult(
    Role role,
    SamplingContent content,
    String model,
    @Nullable String stopReason,
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public CreateMessageResult {
    Checks.required(role, "role");
    Checks.required(content, "content");
    Checks.required(model, "model");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A message of {@code content} from {@code role}, produced by {@code model}. */
  public static CreateMessageResult of(Role role, SamplingContent content, String model) {
    return new CreateMessageResult(role, content, model, null, null, null, Map.of());
  }

  /** A message of one block from {@code role}, produced by {@code model}. */
  public static CreateMessageResult of(Role role, ContentBlock content, String model) {
    return of(role, SamplingContent.of(content), model);
  }

  /** A copy with a stop reason. */
  public CreateMessageResult withStopReason(@Nullable String stopReason) {
    return new CreateMessageResult(role, content, model, stopReason, resultType, meta, additionalFields);
  }
}
