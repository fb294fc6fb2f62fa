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
 * A pick-one field whose choices have labels ({@code "type": "string"} with {@code oneOf: [{const, title}]};
 * 2025-11-25, SEP-1330).
 *
 * @param type {@code "string"}
 * @param title the field's label
 * @param description help text for the field
 * @param oneOf the choices, each a value and its label
 * @param defaultValue the value of the choice the form starts with ({@code default})
 * @param additionalFields fields this library does not know, kept as they arrived
 */
@JsonDeserialize(using = JsonDeserializer.None.class) // the interface's dispatcher would otherwise loop
public record TitledSingleSelectEnumSchema(
    String type,
    @Nullable String title,
    @Nullable String description,
    List<EnumOption> oneOf,
    @JsonProperty("default") @Nullable String defaultValue,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements PrimitiveSchemaDefinition {

  public TitledSingleSelectEnumSchema {
    Checks.constant(type, "type", "string");
    oneOf = Checks.requiredList(oneOf, "oneOf");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A pick-one field offering {@code options}. */
  public static TitledSingleSelectEnumSchema of(EnumOption... options) {
    return new TitledSingleSelectEnumSchema("string", null, null, List.of(options), null, Map.of());
  }

  @Override
  public TitledSingleSelectEnumSchema withTitle(@Nullable String title) {
    return new TitledSingleSelectEnumSchema(type, title, description, oneOf, defaultValue, additionalFields);
  }

  @Override
  public TitledSingleSelectEnumSchema withDescription(@Nullable String description) {
    return new TitledSingleSelectEnumSchema(type, title, description, oneOf, defaultValue, additionalFields);
  }

  /** A copy starting the field at the choice whose value is {@code defaultValue}. */
  public TitledSingleSelectEnumSchema withDefault(@Nullable String defaultValue) {
    return new TitledSingleSelectEnumSchema(type, title, description, oneOf, defaultValue, additionalFields);
  }
}
