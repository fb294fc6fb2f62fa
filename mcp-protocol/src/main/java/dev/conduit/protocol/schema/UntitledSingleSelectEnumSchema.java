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
 * A pick-one field whose choices are shown as they are sent ({@code "type": "string"} with {@code enum};
 * 2025-11-25, SEP-1330).
 *
 * @param type {@code "string"}
 * @param title the field's label
 * @param description help text for the field
 * @param enumValues the choices ({@code enum})
 * @param defaultValue the choice the form starts with ({@code default})
 * @param additionalFields fields this library does not know, kept as they arrived
 */
@JsonDeserialize(using = JsonDeserializer.None.class) // the interface's dispatcher would otherwise loop
public record UntitledSingleSelectEnumSchema(
    String type,
    @Nullable String title,
    @Nullable String description,
    @JsonProperty("enum") List<String> enumValues,
    @JsonProperty("default") @Nullable String defaultValue,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements PrimitiveSchemaDefinition {

  public UntitledSingleSelectEnumSchema {
    Checks.constant(type, "type", "string");
    enumValues = Checks.requiredList(enumValues, "enum");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A pick-one field offering {@code values}. */
  public static UntitledSingleSelectEnumSchema of(String... values) {
    return new UntitledSingleSelectEnumSchema("string", null, null, List.of(values), null, Map.of());
  }

  @Override
  public UntitledSingleSelectEnumSchema withTitle(@Nullable String title) {
    return new UntitledSingleSelectEnumSchema(type, title, description, enumValues, defaultValue, additionalFields);
  }

  @Override
  public UntitledSingleSelectEnumSchema withDescription(@Nullable String description) {
    return new UntitledSingleSelectEnumSchema(type, title, description, enumValues, defaultValue, additionalFields);
  }

  /** A copy starting the field at {@code defaultValue}. */
  public UntitledSingleSelectEnumSchema withDefault(@Nullable String defaultValue) {
    return new UntitledSingleSelectEnumSchema(type, title, description, enumValues, defaultValue, additionalFields);
  }
}
