package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A pick-several field whose choices have labels ({@code "type": "array"} with {@code items: {anyOf: [{const,
 * title}]}}; 2025-11-25, SEP-1330).
 *
 * @param type {@code "array"}
 * @param title the field's label
 * @param description help text for the field
 * @param minItems the fewest choices to pick
 * @param maxItems the most choices to pick
 * @param items the choices
 * @param defaultValue the values of the choices the form starts with ({@code default})
 * @param additionalFields fields this library does not know, kept as they arrived
 */
@JsonDeserialize(using = JsonDeserializer.None.class) // the interface's dispatcher would otherwise loop
public record TitledMultiSelectEnumSchema(
    String type,
    @Nullable String title,
    @Nullable String description,
    @Nullable Integer minItems,
    @Nullable Integer maxItems,
    Items items,
    @JsonProperty("default") @Nullable List<String> defaultValue,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements PrimitiveSchemaDefinition {

  public TitledMultiSelectEnumSchema {
    Checks.constant(type, "type", "array");
    Checks.required(items, "items");
    defaultValue = Checks.optionalList(defaultValue);
    additionalFields = Checks.additional(additionalFields);
  }

  /** A pick-several field offering {@code options}. */
  public static TitledMultiSelectEnumSchema of(EnumOption... options) {
    return new TitledMultiSelectEnumSchema(
        "array", null, null, null, null, new Items(List.of(options), Map.of()), null, Map.of());
  }

  @Override
  public TitledMultiSelectEnumSchema withTitle(@Nullable String title) {
    return new TitledMultiSelectEnumSchema(
        type, title, description, minItems, maxItems, items, defaultValue, additionalFields);
  }

  @Override
  public TitledMultiSelectEnumSchema withDescription(@Nullable String description) {
    return new TitledMultiSelectEnumSchema(
        type, title, description, minItems, maxItems, items, defaultValue, additionalFields);
  }

  /** A copy with limits on how many choices to pick; null means no limit. */
  public TitledMultiSelectEnumSchema withItemCount(@Nullable Integer minItems, @Nullable Integer maxItems) {
    return new TitledMultiSelectEnumSchema(
        type, title, description, minItems, maxItems, items, defaultValue, additionalFields);
  }

  /** A copy starting the field with the choices whose values are {@code defaultValue} picked. */
  public TitledMultiSelectEnumSchema withDefault(String... defaultValue) {
    return new TitledMultiSelectEnumSchema(
        type, title, description, minItems, maxItems, items, List.of(defaultValue), additionalFields);
  }

  /**
   * The choices of a titled multi-select.
   *
   * @param anyOf the choices, each a value and its label
   * @param additionalFields fields this library does not know, kept as they arrived
   */
  public record Items(
      List<EnumOption> anyOf, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {
    public Items {
      anyOf = Checks.requiredList(anyOf, "anyOf");
      additionalFields = Checks.additional(additionalFields);
    }
  }
}
