package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The form of a form-mode elicitation ({@code requestedSchema}; 2025-06-18): a restricted JSON Schema, a flat object
 * whose properties are all primitive. The specification inlines it without a name.
 *
 * <pre>{@code
 * RequestedSchema form = RequestedSchema.builder()
 *     .property("name", StringSchema.of().withTitle("Your name"), true)
 *     .property("age", NumberSchema.integer().withRange(0, 150).withDefault(30))
 *     .property("colour", UntitledSingleSelectEnumSchema.of("red", "green").withDefault("red"))
 *     .build();
 * }</pre>
 *
 * @param schema the JSON Schema dialect ({@code $schema}; 2025-11-25)
 * @param type {@code "object"}
 * @param properties the fields, in the order the form shows them
 * @param required the names of the fields that must be filled in
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record RequestedSchema(
    @JsonProperty("$schema") @Nullable String schema,
    String type,
    Map<String, PrimitiveSchemaDefinition> properties,
    @Nullable List<String> required,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public RequestedSchema {
    Checks.constant(type, "type", "object");
    properties = Checks.requiredMap(properties, "properties");
    required = Checks.optionalList(required);
    additionalFields = Checks.additional(additionalFields);
  }

  /** Starts an empty form. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RequestedSchema}, keeping the properties in the order they are added. */
  public static final class Builder {
    private final Map<String, PrimitiveSchemaDefinition> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();
    private @Nullable String schema;

    private Builder() {}

    /** Adds an optional field. */
    public Builder property(String name, PrimitiveSchemaDefinition schema) {
      return property(name, schema, false);
    }

    /** Adds a field, which must be filled in if {@code required}. */
    public Builder property(String name, PrimitiveSchemaDefinition schema, boolean required) {
      properties.put(Checks.required(name, "name"), Checks.required(schema, "schema"));
      this.required.remove(name);
      if (required) {
        this.required.add(name);
      }
      return this;
    }

    /** Names the JSON Schema dialect ({@code $schema}). */
    public Builder dialect(@Nullable String schema) {
      this.schema = schema;
      return this;
    }

    /** The form built so far; {@code required} is left out when no field is required. */
    public RequestedSchema build() {
      return new RequestedSchema(schema, "object", properties, required.isEmpty() ? null : required, Map.of());
    }
  }
}
