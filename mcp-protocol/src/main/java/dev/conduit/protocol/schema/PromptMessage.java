package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A message of a prompt that {@code prompts/get} returns.
 *
 * @param role who says it
 * @param content what is said: text, an image, audio (2025-03-26), a resource link (2025-06-18) or an embedded
 *     resource
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record PromptMessage(
    Role role, ContentBlock content, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public PromptMessage {
    Checks.required(role, "role");
    Checks.required(content, "content");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A message from the user. */
  public static PromptMessage user(ContentBlock content) {
    return new PromptMessage(Role.USER, content, Map.of());
  }

  /** A text message from the user. */
  public static PromptMessage user(String text) {
    return user(TextContent.of(text));
  }

  /** A message from the assistant. */
  public static PromptMessage assistant(ContentBlock content) {
    return new PromptMessage(Role.ASSISTANT, content, Map.of());
  }

  /** A text message from the assistant. */
  public static PromptMessage assistant(String text) {
    return assistant(TextContent.of(text));
  }
}
