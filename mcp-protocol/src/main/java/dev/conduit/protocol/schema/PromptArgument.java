package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An argument a prompt template takes.
 *
 * @param name the programmatic name
 * @param title a display name (2025-06-18)
 * @param description what the argument means
 * @param required whether the argument must be given; absent means false
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record PromptArgument(
    String name,
    @Nullable String title,
    @Nullable String description,
    @Nullable Boolean required,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public PromptArgument {
    Checks.required(name, "name");
    additionalFields = Checks.additional(additionalFields);
  }

  /** An argument that must be given. */
  public static PromptArgument required(String name, @Nullable String description) {
    return new PromptArgument(name, null, description, true, Map.of());
  }

  /** An argument that may be left out. */
  public static PromptArgument optional(String name, @Nullable String description) {
    return new PromptArgument(name, null, description, null, Map.of());
  }
}
