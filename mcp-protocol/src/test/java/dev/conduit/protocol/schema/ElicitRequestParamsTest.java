package dev.conduit.protocol.schema;

import static dev.conduit.protocol.schema.Wire.assertRoundTrip;
import static dev.conduit.protocol.schema.Wire.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Elicitation parameters are told apart by {@code mode}, and an absent mode stays absent. */
class ElicitRequestParamsTest {

  private static final String FORM =
      "\"message\": \"m\", \"requestedSchema\": {\"type\": \"object\", \"properties\": {}}";

  @Test
  void urlModeIsUrlParams() {
    ElicitRequestParams params =
        assertRoundTrip(
            "{\"mode\": \"url\", \"message\": \"m\", \"url\": \"https://x\", \"elicitationId\": \"e\"}",
            ElicitRequestParams.class);
    assertEquals("e", assertInstanceOf(ElicitRequestURLParams.class, params).elicitationId());
  }

  @Test
  void formModeIsFormParams() {
    ElicitRequestParams params = assertRoundTrip("{\"mode\": \"form\", " + FORM + "}", ElicitRequestParams.class);
    assertEquals("form", assertInstanceOf(ElicitRequestFormParams.class, params).mode());
  }

  @Test
  void absentModeIsFormParamsAndStaysAbsent() {
    ElicitRequestParams params = assertRoundTrip("{" + FORM + "}", ElicitRequestParams.class);
    assertNull(assertInstanceOf(ElicitRequestFormParams.class, params).mode());
    assertFalse(encode(params).contains("mode"));
  }

  @Test
  void urlParamsRefuseAnotherMode() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ElicitRequestURLParams("form", "m", null, "https://x", null, null, Map.of()));
  }

  @Test
  void withMetaKeepsTheKind() {
    ElicitRequestParams params = ElicitRequestURLParams.of("m", "https://x", null);
    ElicitRequestParams copy = params.withMeta(Meta.empty().with("k", 1));
    assertInstanceOf(ElicitRequestURLParams.class, copy);
    assertEquals(1, copy.meta().get("k").intValue());
  }
}
