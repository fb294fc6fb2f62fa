package dev.conduit.protocol.schema;

import static dev.conduit.protocol.schema.SchemaValidationTest.V2025_06;
import static dev.conduit.protocol.schema.SchemaValidationTest.V2025_11;
import static dev.conduit.protocol.schema.SchemaValidationTest.V2026;
import static dev.conduit.protocol.schema.SchemaValidator.assertValid;
import static dev.conduit.protocol.schema.SchemaValidator.assertValidAt;
import static dev.conduit.protocol.schema.SchemaValidator.definition;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Elicitation requests and results built with the factories validate against each revision that has them. */
class ElicitationSchemaValidationTest {

  /** One field of every kind, each with a default (SEP-1034), covering every enum form of SEP-1330. */
  static RequestedSchema everyKindWithDefaults() {
    return RequestedSchema.builder()
        .property("name", StringSchema.of().withTitle("Name").withLength(1, 50).withDefault("Ada"), true)
        .property("email", StringSchema.of("email").withDefault("ada@example.com"))
        .property("age", NumberSchema.integer().withRange(0, 150).withDefault(36))
        .property("ratio", NumberSchema.number().withDescription("0 to 1").withDefault(0.5))
        .property("subscribe", BooleanSchema.of().withDefault(false))
        .property("size", UntitledSingleSelectEnumSchema.of("S", "M", "L").withDefault("M"))
        .property(
            "colour",
            TitledSingleSelectEnumSchema.of(EnumOption.of("#f00", "Red"), EnumOption.of("#0f0", "Green"))
                .withDefault("#f00"))
        .property(
            "plan",
            LegacyTitledEnumSchema.of(List.of("free", "pro"), List.of("Free", "Pro")).withDefault("free"))
        .property(
            "toppings",
            UntitledMultiSelectEnumSchema.of("ham", "egg", "kale").withItemCount(1, 2).withDefault("egg"))
        .property(
            "days",
            TitledMultiSelectEnumSchema.of(EnumOption.of("mon", "Monday"), EnumOption.of("tue", "Tuesday"))
                .withDefault("mon", "tue"))
        .build();
  }

  @Test
  void formWithEverySep1034DefaultAndSep1330EnumKindValidatesAgainst2025_11_25() {
    ElicitRequestFormParams params = ElicitRequestFormParams.of("Tell us about you", everyKindWithDefaults());
    assertValid(V2025_11, "ElicitRequestFormParams", params);
    assertValid(V2025_11, "ElicitRequestFormParams", params.withExplicitMode());
  }

  @Test
  void everyPropertySchemaValidatesAgainstItsOwnDefinitionIn2025_11_25() {
    Executable[] checks =
        everyKindWithDefaults().properties().values().stream()
            .map(
                schema ->
                    (Executable)
                        () -> assertValid(V2025_11, schema.getClass().getSimpleName(), schema))
            .toArray(Executable[]::new);
    assertAll(checks);
  }

  @Test
  void formWithEveryKindValidatesAgainst2026_07_28() {
    assertValid(V2026, "ElicitRequestFormParams", ElicitRequestFormParams.of("About you", everyKindWithDefaults()));
  }

  @Test
  void formOfTheFirstElicitationRevisionValidatesAgainst2025_06_18() {
    RequestedSchema schema =
        RequestedSchema.builder()
            .property("name", StringSchema.of().withDescription("Your name"), true)
            .property("age", NumberSchema.integer().withRange(18, null))
            .property("subscribe", BooleanSchema.of())
            .property("plan", LegacyTitledEnumSchema.of(List.of("free", "pro"), List.of("Free", "Pro")))
            .build();
    assertValidAt(V2025_06, definition(V2025_06, "ElicitRequest") + "/properties/params",
        ElicitRequestFormParams.of("Sign up", schema));
  }

  @Test
  void urlModeWithElicitationIdValidatesAgainst2025_11_25() {
    assertValid(V2025_11, "ElicitRequestURLParams",
        ElicitRequestURLParams.of("Add your API key", "https://example.com/key", "e-42"));
  }

  @Test
  void urlModeWithoutElicitationIdValidatesAgainst2026_07_28() {
    assertValid(V2026, "ElicitRequestURLParams",
        ElicitRequestURLParams.of("Add your API key", "https://example.com/key", null));
  }

  @ParameterizedTest
  @ValueSource(strings = {V2025_06, V2025_11, V2026})
  void elicitResultsValidate(String revision) {
    // Multi-select answers (string arrays) arrived with SEP-1330 in 2025-11-25.
    String days = revision.equals(V2025_06) ? "" : ", \"days\": [\"mon\"]";
    assertValid(revision, "ElicitResult",
        ElicitResult.accept(SchemaValidationTest.json("{\"name\": \"Ada\", \"age\": 36" + days + "}")));
    assertValid(revision, "ElicitResult", ElicitResult.decline());
    assertValid(revision, "ElicitResult", ElicitResult.cancel());
  }

  @Test
  void elicitationCompleteNotificationParamsValidateAgainst2025_11_25() {
    assertValidAt(V2025_11, definition(V2025_11, "ElicitationCompleteNotification") + "/properties/params",
        ElicitationCompleteNotificationParams.of("e-42"));
  }
}
