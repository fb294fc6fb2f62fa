package dev.conduit.protocol.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The schema of one property of an elicitation form (2025-06-18): a string, a number, a boolean, or (2025-11-25,
 * SEP-1330) a single- or multi-select enum. Every kind may carry a {@code default} (2025-11-25, SEP-1034).
 *
 * <p>The wire has no tag beyond {@code type}, so the kinds are told apart by shape: {@code "array"} with
 * {@code items.anyOf} is titled multi-select, other arrays untitled multi-select; a string with {@code oneOf} is
 * titled single-select, with {@code enum} and {@code enumNames} legacy titled, with {@code enum} alone untitled
 * single-select, and otherwise a plain string.
 */
@JsonDeserialize(using = PrimitiveSchemaDefinition.Deserializer.class)
public sealed interface PrimitiveSchemaDefinition
    permits StringSchema,
        NumberSchema,
        BooleanSchema,
        UntitledSingleSelectEnumSchema,
        TitledSingleSelectEnumSchema,
        LegacyTitledEnumSchema,
        UntitledMultiSelectEnumSchema,
        TitledMultiSelectEnumSchema {

  /** The JSON Schema {@code type}: {@code string}, {@code number}, {@code integer}, {@code boolean}, {@code array}. */
  String type();

  /** The field's label. */
  @Nullable String title();

  /** Help text for the field. */
  @Nullable String description();

  /** A copy with another label. */
  PrimitiveSchemaDefinition withTitle(@Nullable String title);

  /** A copy with other help text. */
  PrimitiveSchemaDefinition withDescription(@Nullable String description);

  /** Picks the kind by shape; the objects are tiny, so reading a tree first costs nothing worth saving. */
  final class Deserializer extends JsonDeserializer<PrimitiveSchemaDefinition> {
    @Override
    public PrimitiveSchemaDefinition deserialize(JsonParser in, DeserializationContext context) throws IOException {
      JsonNode tree = context.readTree(in);
      if (!tree.isObject()) {
        return context.reportInputMismatch(PrimitiveSchemaDefinition.class, "a property schema must be an object");
      }
      JavaType base = context.constructType(PrimitiveSchemaDefinition.class);
      JsonNode type = tree.get("type");
      if (type == null || !type.isTextual()) {
        String message = "missing required field 'type'";
        throw ValueInstantiationException.from(in, message, base, new IllegalArgumentException(message));
      }
      Class<? extends PrimitiveSchemaDefinition> kind =
          switch (type.textValue()) {
            case "string" -> stringKind(tree);
            case "number", "integer" -> NumberSchema.class;
            case "boolean" -> BooleanSchema.class;
            case "array" ->
                tree.path("items").has("anyOf")
                    ? TitledMultiSelectEnumSchema.class
                    : UntitledMultiSelectEnumSchema.class;
            default -> throw InvalidTypeIdException.from(in, "unknown property schema type", base, type.textValue());
          };
      return context.readTreeAsValue(tree, kind);
    }

    private static Class<? extends PrimitiveSchemaDefinition> stringKind(JsonNode tree) {
      if (tree.has("oneOf")) {
        return TitledSingleSelectEnumSchema.class;
      }
      if (tree.has("enum")) {
        return tree.has("enumNames") ? LegacyTitledEnumSchema.class : UntitledSingleSelectEnumSchema.class;
      }
      return StringSchema.class;
    }
  }
}
