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
 * A pick-one field with labels in the non-standard {@code enumNames} array: the {@code EnumSchema} of 2025-06-18,
 * kept in 2025-11-25 for compatibility. Prefer {@link TitledSingleSelectEnumSchema} for peers that speak 2025-11-25.
 *
 * @param type {@code "string"}
 * @param title the field's label
 * @param description help text for the field
 * @param enumValues the choices ({@code enum})
 * @param enumNames their labels, in the same order
 * @param defaultValue the choice the form starts with ({@code default}; 2025-11-25)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
@JsonDeserialize(using = JsonDeserializer.None.class) // the interface's dispatcher would otherwise loop
public record LegacyTitledEnumSchema(
    String type,
    @Nullable String title,
    @Nullable String description,
    @JsonProperty("enum") List<String> enumValues,
    @Nullable List<String> enumNames,
    @JsonProperty("default") @Nullable String defaultValue,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements PrimitiveSchemaDefinition {

  public LegacyTitledEnumSchema {
    Checks.constant(type, "type", "string");
    enumValues = Checks.requiredList(enumValues, "enum");
    enumNames = Checks.optionalList(enumNames);
    additionalFields = Checks.additional(additionalFields);
  }

  /** A pick-one field offering {@code values}, labelled {@code names}. */
  public static LegacyTitledEnumSchema of(List<String> values, List<String> names) {
    if (values.size() != names.size()) {
      throw new IllegalArgumentException("enum and enumNames must be the same length");
    }
    return new LegacyTitledEnumSchema("string", null, null, values, names, null, Map.of());
  }

  @Override
  public LegacyTitledEnumSchema withTitle(@Nullable String title) {
    return new LegacyTitledEnumSchema(
        type, title, description, enumValues, enumNames, defaultValue, additionalFields);
  }

  @Override
  public LegacyTitledEnumSchema withDescription(@Nullable String description) {
    return new LegacyTitledEnumSchema(
        type, title, description, enumValues, enumNames, defaultValue, additionalFields);
  }

  /** A copy starting the field at {@code defaultValue} (2025-11-25). */
  public LegacyTitledEnumSchema withDefault(@Nullable String defaultValue) {
    return new LegacyTitledEnumSchema(
        type, title, description, enumValues, enumNames, defaultValue, additionalFields);
  }
}
