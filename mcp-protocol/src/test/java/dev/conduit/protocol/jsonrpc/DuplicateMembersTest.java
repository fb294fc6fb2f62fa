package dev.conduit.protocol.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.conduit.protocol.jsonrpc.internal.Json;
import dev.conduit.protocol.schema.CallToolRequestParams;
import dev.conduit.protocol.schema.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Specifies that no JSON object has two meanings: the codec refuses a repeated member name in any object at any depth,
 * whatever the object's width (the detector scans small objects and hashes wide ones), and accepts the same name in
 * different objects; JSON that never went through the codec is refused by the shared mapper instead of read two ways.
 */
class DuplicateMembersTest {

  private static final JsonRpcCodec CODEC = JsonRpcCodec.standard();

  private static String call(String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":" + params + "}";
  }

  private static String object(List<String> names) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < names.size(); i++) {
      json.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append("\":").append(i);
    }
    return json.append('}').toString();
  }

  private static List<String> names(int count) {
    return new ArrayList<>(IntStream.range(0, count).mapToObj(i -> "m" + i).toList());
  }

  private static JsonRpcError refused(String message) {
    DecodeResult result = CODEC.decode(message);
    JsonRpcError error = assertInstanceOf(DecodeResult.Failure.class, result, message).error();
    assertEquals(ErrorCodes.INVALID_REQUEST, error.error().code(), message);
    return error;
  }

  private static JsonRpcRequest accepted(String message) {
    DecodeResult result = CODEC.decode(message);
    return (JsonRpcRequest) assertInstanceOf(DecodeResult.Success.class, result, message).message();
  }

  @Test
  void aRepeatedNameIsFoundWhateverTheObjectsWidthAndWhereverTheRepeatFalls() {
    for (int width = 1; width <= 3 * MemberNames.SCAN_LIMIT + 2; width++) {
      for (int repeated = 0; repeated < width; repeated++) {
        List<String> names = names(width);
        names.add("m" + repeated);
        String object = object(names);
        refused(call(object));
        refused(call("{\"name\":\"echo\",\"arguments\":" + object + "}"));
        refused(call("{\"name\":\"echo\",\"arguments\":{\"list\":[1," + object + "]}}"));
      }
      accepted(call(object(names(width))));
    }
  }

  @Test
  void theSameNameInDifferentObjectsIsNoRepeat() {
    JsonRpcRequest request = accepted(call("{\"name\":\"echo\",\"arguments\":{\"name\":\"a\",\"list\":["
        + "{\"name\":1,\"x\":{\"name\":2}},{\"name\":3}],\"inner\":{\"name\":{\"name\":4}}},\"x\":{\"name\":5}}"));
    assertEquals("echo", request.params().memberText("name"));
    assertEquals("echo", request.params().as(CallToolRequestParams.class).name(), "the binding reads the same name");
  }

  @Test
  void aWideObjectsNamesDoNotLeakIntoItsChildrenSiblingsOrParent() {
    List<String> wide = names(3 * MemberNames.SCAN_LIMIT);
    String child = "{\"m0\":{\"m1\":1},\"m1\":[{\"m0\":0}]}";
    String parent = "{\"m0\":" + child + ",\"wide\":" + object(wide) + ",\"m1\":" + object(wide) + ",\"m2\":2}";
    accepted(call("{\"name\":\"echo\",\"arguments\":" + parent + "}"));
    String repeatAfterNestedWide =
        "{\"name\":\"echo\",\"arguments\":{\"a\":" + object(wide) + ",\"b\":" + object(wide) + ",\"a\":0}}";
    assertTrue(refused(call(repeatAfterNestedWide)).error().message().contains("'a'"));
  }

  @Test
  void aSiblingAfterAVeryWideObjectIsCheckedAsFreshly() {
    String huge = object(names(500));
    List<String> small = names(MemberNames.SCAN_LIMIT + 3);
    List<String> repeating = new ArrayList<>(small);
    repeating.add("m4");
    accepted(call("{\"name\":\"echo\",\"arguments\":{\"list\":[" + huge + "," + object(small) + "," + huge + "]}}"));
    refused(call("{\"name\":\"echo\",\"arguments\":{\"list\":[" + huge + "," + object(repeating) + "]}}"));
  }

  @Test
  void theErrorNamesTheRepeatedMemberAndWhereItIs() {
    assertEquals("Invalid Request: duplicate member 'name' in params",
        refused(call("{\"name\":\"echo\",\"name\":\"block\"}")).error().message());
    assertEquals("Invalid Request: duplicate member 'text' in params",
        refused(call("{\"name\":\"echo\",\"arguments\":{\"text\":1,\"text\":2}}")).error().message());
    assertEquals("Invalid Request: duplicate member 'method'",
        refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\",\"method\":\"b\"}").error().message());
  }

  @Test
  void theErrorRepeatsAnUglyNameOnlyShortAndOnOneLine() {
    String name = "line\\nbreak" + "x".repeat(500);
    String message = refused(call("{\"" + name + "\":1,\"" + name + "\":2}")).error().message();
    assertFalse(message.contains("\n"), message);
    assertTrue(message.length() < 150, message);
  }

  @Test
  void aRepeatAtTheDeepestNestingTheLimitsAllowIsFound() {
    JsonRpcCodec limited = JsonRpcCodec.builder().maxNestingDepth(16).build();
    int levels = 0;
    while (limited.decode(call(MalformedInputs.deep(levels + 1, "{\"a\":1}"))) instanceof DecodeResult.Success) {
      levels++;
    }
    DecodeResult result = limited.decode(call(MalformedInputs.deep(levels, "{\"a\":1,\"a\":2}")));
    assertTrue(assertInstanceOf(DecodeResult.Failure.class, result).error().error().message()
        .endsWith("duplicate member 'a' in params"), "the repeat is what is wrong, not the depth");
  }

  @Test
  void aPayloadMadeFromTextRefusesToReadARepeatedNameAnyWay() {
    JsonPayload payload = JsonPayload.ofJson("{\"name\":\"safe\",\"name\":\"rm_rf\"}");
    IllegalArgumentException member = assertThrows(IllegalArgumentException.class, () -> payload.memberText("name"));
    assertEquals("duplicate member 'name'", member.getMessage());
    assertThrows(IllegalArgumentException.class, () -> payload.as(CallToolRequestParams.class));

    JsonPayload nested = JsonPayload.ofJson("{\"name\":\"echo\",\"arguments\":{\"text\":\"a\",\"\\u0074ext\":\"b\"}}");
    IllegalArgumentException bind =
        assertThrows(IllegalArgumentException.class, () -> nested.as(CallToolRequestParams.class));
    assertTrue(bind.getMessage().startsWith("duplicate member 'text'"), bind.getMessage());
  }

  @Test
  void theSharedMapperRefusesARepeatedNameWhereverItReadsText() {
    JsonProcessingException tree = assertThrows(JsonProcessingException.class,
        () -> Json.MAPPER.readTree("{\"a\":{\"b\":1,\"b\":2}}"));
    assertEquals("duplicate member 'b'", Json.describe(tree));
    IllegalArgumentException schema = assertThrows(IllegalArgumentException.class,
        () -> Tool.named("t").inputSchema("{\"type\":\"object\",\"type\":\"string\"}"));
    assertNotNull(schema.getMessage());
    assertTrue(schema.getMessage().contains("duplicate member 'type'"), schema.getMessage());
  }
}
