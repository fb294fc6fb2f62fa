package dev.conduit.protocol.schema;

import static dev.conduit.protocol.schema.Wire.assertRoundTrip;
import static dev.conduit.protocol.schema.Wire.decode;
import static dev.conduit.protocol.schema.Wire.encode;
import static dev.conduit.protocol.schema.Wire.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of elicitation property schema decodes, by shape, to its own record. */
class PrimitiveSchemaDefinitionTest {

  private static PrimitiveSchemaDefinition read(String json) {
    return assertRoundTrip(json, PrimitiveSchemaDefinition.class);
  }

  @Test
  void plainStringIsStringSchema() {
    StringSchema schema =
        assertInstanceOf(
            StringSchema.class, read("{\"type\": \"string\", \"format\": \"email\", \"default\": \"a@b\"}"));
    assertEquals("email", schema.format());
    assertEquals("a@b", schema.defaultValue());
  }

  @Test
  void numberIsNumberSchema() {
    NumberSchema schema = assertInstanceOf(NumberSchema.class, read("{\"type\": \"number\", \"default\": 0.5}"));
    assertEquals(0.5, schema.defaultValue());
  }

  @Test
  void integerIsNumberSchemaThatRemembersInteger() {
    NumberSchema schema = assertInstanceOf(NumberSchema.class, read("{\"type\": \"integer\", \"minimum\": 1}"));
    assertEquals("integer", schema.type());
  }

  @Test
  void booleanIsBooleanSchema() {
    assertInstanceOf(BooleanSchema.class, read("{\"type\": \"boolean\", \"default\": true}"));
  }

  @Test
  void stringWithEnumIsUntitledSingleSelect() {
    UntitledSingleSelectEnumSchema schema =
        assertInstanceOf(
            UntitledSingleSelectEnumSchema.class, read("{\"type\": \"string\", \"enum\": [\"a\", \"b\"]}"));
    assertEquals(List.of("a", "b"), schema.enumValues());
  }

  @Test
  void stringWithOneOfIsTitledSingleSelect() {
    TitledSingleSelectEnumSchema schema =
        assertInstanceOf(
            TitledSingleSelectEnumSchema.class,
            read("{\"type\": \"string\", \"oneOf\": [{\"const\": \"a\", \"title\": \"A\"}], \"default\": \"a\"}"));
    assertEquals(EnumOption.of("a", "A"), schema.oneOf().get(0));
  }

  @Test
  void stringWithEnumAndEnumNamesIsLegacyTitled() {
    LegacyTitledEnumSchema schema =
        assertInstanceOf(
            LegacyTitledEnumSchema.class,
            read("{\"type\": \"string\", \"enum\": [\"a\"], \"enumNames\": [\"A\"]}"));
    assertEquals(List.of("A"), schema.enumNames());
  }

  @Test
  void arrayOfEnumItemsIsUntitledMultiSelect() {
    UntitledMultiSelectEnumSchema schema =
        assertInstanceOf(
            UntitledMultiSelectEnumSchema.class,
            read("{\"type\": \"array\", \"items\": {\"type\": \"string\", \"enum\": [\"a\"]}, \"default\": [\"a\"]}"));
    assertEquals(List.of("a"), schema.items().enumValues());
  }

  @Test
  void arrayOfAnyOfItemsIsTitledMultiSelect() {
    TitledMultiSelectEnumSchema schema =
        assertInstanceOf(
            TitledMultiSelectEnumSchema.class,
            read(
                "{\"type\": \"array\", \"items\": {\"anyOf\": [{\"const\": \"a\", \"title\": \"A\"}]},"
                    + " \"maxItems\": 1}"));
    assertEquals(1, schema.maxItems());
  }

  @Test
  void unknownTypeIsRejectedNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> decode("{\"type\": \"object\"}", PrimitiveSchemaDefinition.class));
    assertEquals("unknown type 'object'", e.getMessage());
  }

  @Test
  void factoriesWriteTheSpecShapes() {
    assertEquals(
        tree("{\"type\": \"integer\", \"minimum\": 0, \"maximum\": 10, \"default\": 5}"),
        tree(encode(NumberSchema.integer().withRange(0, 10).withDefault(5))));
    assertEquals(
        tree("{\"type\": \"array\", \"items\": {\"anyOf\": [{\"const\": \"m\", \"title\": \"Mon\"}]},"
            + " \"default\": [\"m\"]}"),
        tree(encode(TitledMultiSelectEnumSchema.of(EnumOption.of("m", "Mon")).withDefault("m"))));
  }

  @Test
  void requestedSchemaKeepsPropertiesInTheOrderAddedAndListsRequiredOnes() {
    RequestedSchema schema =
        RequestedSchema.builder()
            .property("zeta", StringSchema.of(), true)
            .property("alpha", BooleanSchema.of())
            .property("mid", NumberSchema.number(), true)
            .build();
    assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(schema.properties().keySet()));
    assertEquals(List.of("zeta", "mid"), schema.required());
    assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(assertRoundTrip(encode(schema),
        RequestedSchema.class).properties().keySet()));
  }

  @Test
  void requestedSchemaWithNoRequiredFieldsLeavesRequiredOut() {
    assertEquals(
        tree("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}"),
        tree(encode(RequestedSchema.builder().property("a", StringSchema.of()).build())));
  }
}
