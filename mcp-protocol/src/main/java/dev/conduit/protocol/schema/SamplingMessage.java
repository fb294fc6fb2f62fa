package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message of the conversation a {@code sampling/createMessage} request hands to the LLM.
 *
 * @param role who says it
 * @param content one block, or (2025-11-25) an array of blocks, including tool use and tool results
 * @param meta the {@code _meta} object (2025-11-25)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record SamplingMessage(
    Role role,
    SamplingContent content,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public SamplingMessage {
    Checks.required(role, "role");
    Checks.required(content, "content");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A message of {@code content} from {@code role}. */
  public static SamplingMessage of(Role role, SamplingContent content) {
    return new SamplingMessage(role, content, null, Map.of());
  }

  /** A text message from the user. */
  public static SamplingMessage user(String text) {
    return of(Role.USER, SamplingContent.of(TextContent.of(text)));
  }

  /** A text message from the assistant. */
  public static SamplingMessage assistant(String text) {
    return of(Role.ASSISTANT, SamplingContent.of(TextContent.of(text)));
  }
}
