package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A reference to a prompt, whose arguments a {@code completion/complete} request completes ({@code "type":
 * "ref/prompt"}).
 *
 * @param name the prompt's name
 * @param title a display name (2025-06-18)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record PromptReference(
    String name, @Nullable String title, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements CompletionReference {

  public PromptReference {
    Checks.required(name, "name");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A reference to prompt {@code name}. */
  public static PromptReference of(String name) {
    return new PromptReference(name, null, Map.of());
  }
}
