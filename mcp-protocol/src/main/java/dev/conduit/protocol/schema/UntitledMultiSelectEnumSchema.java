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
 * A pick-several field whose choices are shown as they are sent ({@code "type": "array"} with {@code items: {type:
 * "string", enum}}; 2025-11-25, SEP-1330).
 *
 * @param type {@code "array"}
 * @param title the field's label
 * @param description help text for the field
 * @param minItems the fewest choices to pick
 * @param maxItems the most choices to pick
 * @param items the choices
 * @param defaultValue the choices the form starts with ({@code default})
 * @param additionalFields fields this library does not know, kept as they arrived
 */
@JsonDeserialize(using = JsonDeserializer.None.class) // the interface's dispatcher would otherwise loop
public record UntitledMultiSelectEnumSchema(
    String type,
    @Nullable String title,
    @Nullable String description,
    @Nullable Integer minItems,
    @Nullable Integer maxItems,
    Items items,
    @JsonProperty("default") @Nullable List<String> defaultValue,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements PrimitiveSchemaDefinition {

  public UntitledMultiSelectEnumSchema {
    Checks.constant(type, "type", "array");
    Checks.required(items, "items");
    defaultValue = Checks.optionalList(defaultValue);
    additionalFields = Checks.additional(additionalFields);
  }

  /** A pick-several field offering {@code values}. */
  public static UntitledMultiSelectEnumSchema of(String... values) {
    return new UntitledMultiSelectEnumSchema(
        "array", null, null, null, null, new Items("string", List.of(values), Map.of()), null, Map.of());
  }

  @Override
  public UntitledMultiSelectEnumSchema withTitle(@Nullable String title) {
    return new UntitledMultiSelectEnumSchema(
        type, title, description, minItems, maxItems, items, defaultValue, additionalFields);
  }

  @Override
  public UntitledMultiSelectEnumSchema withDescription(@Nullable String description) {
    return new UntitledMultiSelectEnumSchema(
        type, title, description, minItems, maxItems, items, defaultValue, additionalFields);
  }

  /** A copy with limits on how many choices to pick; null means no limit. */
  public UntitledMultiSelectEnumSchema withItemCount(@Nullable Integer minItems, @Nullable Integer maxItems) {
    return new UntitledMultiSelectEnumSchema(
        type, title, description, minItems, maxItems, items, defaultValue, additionalFields);
  }

  /** A copy starting the field with {@code defaultValue} picked. */
  public UntitledMultiSelectEnumSchema withDefault(String... defaultValue) {
    return new UntitledMultiSelectEnumSchema(
        type, title, description, minItems, maxItems, items, List.of(defaultValue), additionalFields);
  }

  /**
   * The schema of one picked value.
   *
   * @param type {@code "string"}
   * @param enumValues the choices ({@code enum})
   * @param additionalFields fields this library does not know, kept as they arrived
   */
  public record Items(
      String type,
      @JsonProperty("enum") List<String> enumValues,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {
    public Items {
      Checks.constant(type, "type", "string");
      enumValues = Checks.requiredList(enumValues, "enum");
      additionalFields = Checks.additional(additionalFields);
    }
  }
}
