package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A yes/no form field ({@code "type": "boolean"}; 2025-06-18).
 *
 * @param type {@code "boolean"}
 * @param title the field's label
 * @param description help text for the field
 * @param defaultValue the value the form starts with ({@code default}; an explicit {@code false} is kept)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
@JsonDeserialize(using = JsonDeserializer.None.class) // the interface's dispatcher would otherwise loop
public record BooleanSchema(
    String type,
    @Nullable String title,
    @Nullable String description,
    @JsonProperty("default") @Nullable Boolean defaultValue,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements PrimitiveSchemaDefinition {

  public BooleanSchema {
    Checks.constant(type, "type", "boolean");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A yes/no field. */
  public static BooleanSchema of() {
    return new BooleanSchema("boolean", null, null, null, Map.of());
  }

  @Override
  public BooleanSchema withTitle(@Nullable String title) {
    return new BooleanSchema(type, title, description, defaultValue, additionalFields);
  }

  @Override
  public BooleanSchema withDescription(@Nullable String description) {
    return new BooleanSchema(type, title, description, defaultValue, additionalFields);
  }

  /** A copy starting the field at {@code defaultValue}. */
  public BooleanSchema withDefault(@Nullable Boolean defaultValue) {
    return new BooleanSchema(type, title, description, defaultValue, additionalFields);
  }
}
