package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A numeric form field ({@code "type": "number"} or {@code "integer"}; 2025-06-18). Whole values are written
 * without a fraction, so an {@code integer} field's bounds and default stay integers on the wire.
 *
 * @param type {@code "number"} or {@code "integer"}
 * @param title the field's label
 * @param description help text for the field
 * @param minimum the smallest value allowed
 * @param maximum the largest value allowed
 * @param defaultValue the value the form starts with ({@code default}; 2025-11-25)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
@JsonDeserialize(using = JsonDeserializer.None.class) // the interface's dispatcher would otherwise loop
public record NumberSchema(
    String type,
    @Nullable String title,
    @Nullable String description,
    @JsonSerialize(using = CompactDoubleSerializer.class) @Nullable Double minimum,
    @JsonSerialize(using = CompactDoubleSerializer.class) @Nullable Double maximum,
    @JsonSerialize(using = CompactDoubleSerializer.class) @JsonProperty("default") @Nullable Double defaultValue,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements PrimitiveSchemaDefinition {

  public NumberSchema {
    Checks.constant(type, "type", "number", "integer");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A field for any number. */
  public static NumberSchema number() {
    return new NumberSchema("number", null, null, null, null, null, Map.of());
  }

  /** A field for a whole number. */
  public static NumberSchema integer() {
    return new NumberSchema("integer", null, null, null, null, null, Map.of());
  }

  @Override
  public NumberSchema withTitle(@Nullable String title) {
    return new NumberSchema(type, title, description, minimum, maximum, defaultValue, additionalFields);
  }

  @Override
  public NumberSchema withDescription(@Nullable String description) {
    return new NumberSchema(type, title, description, minimum, maximum, defaultValue, additionalFields);
  }

  /** A copy with bounds, such as {@code withRange(0, 150)}; null means unbounded. */
  public NumberSchema withRange(@Nullable Number minimum, @Nullable Number maximum) {
    return new NumberSchema(
        type, title, description, toDouble(minimum), toDouble(maximum), defaultValue, additionalFields);
  }

  /** A copy starting the field at {@code defaultValue} (2025-11-25). */
  public NumberSchema withDefault(@Nullable Number defaultValue) {
    return new NumberSchema(type, title, description, minimum, maximum, toDouble(defaultValue), additionalFields);
  }

  private static @Nullable Double toDouble(@Nullable Number value) {
    return value == null ? null : value.doubleValue();
  }
}
