package dev.conduit.protocol.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@link JsonPayload#withMember}: a raw payload read by the codec is spliced, its other members copied as
 * they are and never parsed, and the result can be read and spliced again.
 */
class JsonPayloadSpliceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonRpcCodec CODEC = JsonRpcCodec.standard();

  private static JsonPayload params(String params) {
    String message = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":" + params + "}";
    DecodeResult decoded = CODEC.decode(message.getBytes(StandardCharsets.UTF_8));
    return ((JsonRpcRequest) ((DecodeResult.Success) decoded).message()).params();
  }

  @Test
  void aNewMemberGoesLastAndTheOthersAreCopiedByteForByte() {
    JsonPayload spliced = params("{ \"name\" : \"t\",\n \"arguments\": {\"a\": [1, 2.50]} }")
        .withMember("_meta", Map.of("progressToken", 7));
    assertTrue(spliced.isRaw());
    assertEquals("{\"name\":\"t\",\"arguments\":{\"a\": [1, 2.50]},\"_meta\":{\"progressToken\":7}}",
        spliced.toString());
  }

  @Test
  void anExistingMemberIsReplacedInItsPlace() {
    JsonPayload spliced = params("{\"_meta\":{\"progressToken\":\"theirs\"},\"name\":\"t\"}")
        .withMember("_meta", Map.of("progressToken", 1));
    assertEquals("{\"_meta\":{\"progressToken\":1},\"name\":\"t\"}", spliced.toString());
  }

  @Test
  void aNullValueRemovesTheMember() {
    assertEquals("{\"name\":\"t\"}", params("{\"name\":\"t\",\"_meta\":{}}").withMember("_meta", null).toString());
    assertEquals("{\"name\":\"t\"}", params("{\"name\":\"t\"}").withMember("absent", null).toString());
  }

  @Test
  void aSplicedPayloadCanBeReadAndSplicedAgain() throws Exception {
    JsonPayload once = params("{\"name\":\"t\"}").withMember("inputResponses", Map.of("k", Map.of("x", 1)));
    JsonPayload twice = once.withMember("requestState", "s1").withMember("name", "u");
    assertEquals("s1", twice.memberText("requestState"));
    assertEquals("u", twice.memberText("name"));
    assertEquals(JSON.readTree("{\"name\":\"u\",\"inputResponses\":{\"k\":{\"x\":1}},\"requestState\":\"s1\"}"),
        twice.tree());
  }

  @Test
  void anotherPayloadIsSplicedInAsItsJson() {
    JsonPayload inner = params("{\"deep\": true}");
    assertEquals("{\"a\":1,\"b\":{\"deep\": true}}", params("{\"a\":1}").withMember("b", inner).toString());
  }

  @Test
  void namesAreEscapedAsJsonRequires() {
    JsonPayload spliced = params("{\"quo\\\"te\":1}").withMember("new\nline", 2);
    assertEquals("{\"quo\\\"te\":1,\"new\\nline\":2}", spliced.toString());
    assertEquals(1, spliced.tree().path("quo\"te").asInt());
  }

  @Test
  void anEmptyObjectTakesAMember() {
    assertEquals("{\"a\":true}", params("{}").withMember("a", true).toString());
  }

  @Test
  void aValuePayloadIsCopiedAsATree() {
    JsonPayload value = JsonPayload.of(Map.of("a", 1));
    JsonPayload changed = value.withMember("b", 2);
    assertFalse(changed.isRaw());
    assertEquals(2, changed.tree().path("b").asInt());
    assertFalse(value.tree().has("b"), "the original is unchanged");
  }

  @Test
  void aPayloadThatIsNotAnObjectHasNoMembersToSet() {
    assertThrows(IllegalArgumentException.class, () -> params("[1,2]").withMember("a", 1));
    assertFalse(params("[1,2]").isObject());
    assertTrue(params(" {}").isObject());
  }
}
