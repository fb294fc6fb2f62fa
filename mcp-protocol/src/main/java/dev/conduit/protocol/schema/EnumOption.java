package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One choice of a titled enum schema (2025-11-25): {@code {"const": value, "title": label}} in {@code oneOf} or
 * {@code items.anyOf}. The specification inlines it without a name.
 *
 * @param value the value submitted when the choice is picked ({@code const} on the wire)
 * @param title the label shown
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record EnumOption(
    @JsonProperty("const") String value,
    String title,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public EnumOption {
    Checks.required(value, "const");
    Checks.required(title, "title");
    additionalFields = Checks.additional(additionalFields);
  }

  /** The choice {@code value}, shown as {@code title}. */
  public static EnumOption of(String value, String title) {
    return new EnumOption(value, title, Map.of());
  }
}
