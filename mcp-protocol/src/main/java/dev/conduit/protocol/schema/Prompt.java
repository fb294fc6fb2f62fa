package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A prompt or prompt template the server offers.
 *
 * @param name the programmatic name
 * @param title a display name (2025-06-18)
 * @param description what the prompt is for
 * @param arguments the arguments the template takes
 * @param icons icons to show for it (2025-11-25)
 * @param meta the {@code _meta} object (2025-06-18)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record Prompt(
    String name,
    @Nullable String title,
    @Nullable String description,
    @Nullable List<PromptArgument> arguments,
    @Nullable List<Icon> icons,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public Prompt {
    Checks.required(name, "name");
    arguments = Checks.optionalList(arguments);
    icons = Checks.optionalList(icons);
    additionalFields = Checks.additional(additionalFields);
  }

  /** A prompt named {@code name}; with no {@code arguments} given, the prompt lists none. */
  public static Prompt of(String name, @Nullable String description, PromptArgument... arguments) {
    return new Prompt(
        name, null, description, arguments.length == 0 ? null : List.of(arguments), null, null, Map.of());
  }

  /** A copy with a display title. */
  public Prompt withTitle(@Nullable String title) {
    return new Prompt(name, title, description, arguments, icons, meta, additionalFields);
  }
}
