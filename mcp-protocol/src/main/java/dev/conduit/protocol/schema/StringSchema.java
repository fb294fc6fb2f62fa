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
 * A free-text form field ({@code "type": "string"}; 2025-06-18).
 *
 * @param type {@code "string"}
 * @param title the field's label
 * @param description help text for the field
 * @param minLength the fewest characters allowed
 * @param maxLength the most characters allowed
 * @param format {@code "email"}, {@code "uri"}, {@code "date"} or {@code "date-time"}
 * @param defaultValue the value the form starts with ({@code default}; 2025-11-25)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
@JsonDeserialize(using = JsonDeserializer.None.class) // the interface's dispatcher would otherwise loop
public record StringSchema(
    String type,
    @Nullable String title,
    @Nullable String description,
    @Nullable Integer minLength,
    @Nullable Integer maxLength,
    @Nullable String format,
    @JsonProperty("default") @Nullable String defaultValue,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements PrimitiveSchemaDefinition {

  public StringSchema {
    Checks.constant(type, "type", "string");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A plain text field. */
  public static StringSchema of() {
    return new StringSchema("string", null, null, null, null, null, null, Map.of());
  }

  /** A text field for a value of {@code format}: {@code email}, {@code uri}, {@code date} or {@code date-time}. */
  public static StringSchema of(String format) {
    return of().withFormat(format);
  }

  @Override
  public StringSchema withTitle(@Nullable String title) {
    return new StringSchema(type, title, description, minLength, maxLength, format, defaultValue, additionalFields);
  }

  @Override
  public StringSchema withDescription(@Nullable String description) {
    return new StringSchema(type, title, description, minLength, maxLength, format, defaultValue, additionalFields);
  }

  /** A copy with a format. */
  public StringSchema withFormat(@Nullable String format) {
    return new StringSchema(type, title, description, minLength, maxLength, format, defaultValue, additionalFields);
  }

  /** A copy with length limits; null means no limit. */
  public StringSchema withLength(@Nullable Integer minLength, @Nullable Integer maxLength) {
    return new StringSchema(type, title, description, minLength, maxLength, format, defaultValue, additionalFields);
  }

  /** A copy starting the field at {@code defaultValue} (2025-11-25). */
  public StringSchema withDefault(@Nullable String defaultValue) {
    return new StringSchema(type, title, description, minLength, maxLength, format, defaultValue, additionalFields);
  }
}
