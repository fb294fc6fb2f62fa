package dev.conduit.protocol.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRpcCodecTest {

  private final JsonRpcCodec codec = JsonRpcCodec.standard();
  private final ObjectMapper mapper = new ObjectMapper();

  private JsonRpcMessage decode(String json) {
    DecodeResult result = codec.decode(json);
    return assertInstanceOf(DecodeResult.Success.class, result, () -> "expected success for " + json).message();
  }

  @Test
  void decodesARequestWithAStringId() {
    JsonRpcRequest request =
        assertInstanceOf(JsonRpcRequest.class, decode("{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"ping\"}"));
    assertEquals(RequestId.of("a-1"), request.id());
    assertEquals("ping", request.method());
    assertNull(request.params());
  }

  @Test
  void keepsANumericIdExactlyAsReceived() {
    String json = "{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"ping\"}";
    JsonRpcRequest request = assertInstanceOf(JsonRpcRequest.class, decode(json));
    assertTrue(request.id().isNumber());
    assertEquals("123456789012345678901234567890", request.id().text());
    JsonRpcResult answer = new JsonRpcResult(request.id(), JsonPayload.ofJson("{}"));
    assertTrue(codec.encodeToString(answer).contains("\"id\":123456789012345678901234567890"));
  }

  @Test
  void distinguishesTheStringOneFromTheNumberOne() {
    JsonRpcRequest text = (JsonRpcRequest) decode("{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"method\":\"ping\"}");
    JsonRpcRequest number = (JsonRpcRequest) decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
    assertTrue(!text.id().equals(number.id()));
  }

  @Test
  void decodesANotification() {
    JsonRpcNotification notification = assertInstanceOf(JsonRpcNotification.class,
        decode("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
    assertEquals("notifications/initialized", notification.method());
  }

  @Test
  void decodesAResultAndAnErrorWithANullId() {
    JsonRpcResult result =
        assertInstanceOf(JsonRpcResult.class, decode("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"a\":[1,2]}}"));
    assertEquals("{\"a\":[1,2]}", result.result().toString());
    JsonRpcError error = assertInstanceOf(JsonRpcError.class,
        decode("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}"));
    assertNull(error.id());
    assertEquals(-32700, error.error().code());
  }

  @Test
  void keepsParamsRawUntilBound() {
    JsonRpcRequest request = (JsonRpcRequest) decode(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"x\":1}}}");
    JsonPayload params = request.params();
    assertTrue(params.isRaw());
    assertEquals("echo", params.memberText("name"));
    assertEquals("{\"x\":1}", params.member("arguments").toString());
    assertEquals(1, params.as(JsonNode.class).path("arguments").path("x").asInt());
  }

  @Test
  void reEncodesUnderANewIdWithThePayloadBytesUntouched() {
    String params = "{ \"name\" : \"echo\",\n \"arguments\" : { \"big\" : 1.50 } }";
    JsonRpcRequest request = (JsonRpcRequest) decode(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":" + params + "}");
    String forwarded = codec.encodeToString(request.withId(RequestId.of("upstream-9")));
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":\"upstream-9\",\"method\":\"tools/call\",\"params\":" + params + "}",
        forwarded);
  }

  @Test
  void encodesAValuePayloadThroughJackson() throws Exception {
    JsonRpcNotification notification =
        new JsonRpcNotification("notifications/message", JsonPayload.of(Map.of("level", "info")));
    JsonNode tree = mapper.readTree(codec.encode(notification));
    assertEquals("info", tree.path("params").path("level").asText());
    assertEquals("2.0", tree.path("jsonrpc").asText());
  }

  @Test
  void writesNoLineBreaks() {
    JsonRpcResult result = new JsonRpcResult(RequestId.of(1), JsonPayload.of(Map.of("text", "a\nb")));
    assertTrue(!codec.encodeToString(result).contains("\n"));
  }

  @Test
  void readsAMemberOfAStringValueAtTheEndOfTheObject() {
    JsonRpcRequest request = (JsonRpcRequest) decode(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":\"test://a \\\"b\\\"\"}}");
    assertEquals("test://a \"b\"", request.params().memberText("uri"));
  }

  @Test
  void acceptsASliceOfALargerBuffer() {
    byte[] buffer = "xx{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"a\":1}}yy".getBytes();
    DecodeResult result = codec.decode(buffer, 2, buffer.length - 4);
    JsonRpcRequest request = (JsonRpcRequest) ((DecodeResult.Success) result).message();
    assertEquals("{\"a\":1}", request.params().toString());
    assertEquals("1", request.params().member("a").toString());
  }

  @Test
  void answersInvalidUtf8WithAParseError() {
    byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    DecodeResult result = codec.decode(bytes);
    assertEquals(-32700, assertInstanceOf(DecodeResult.Failure.class, result).error().error().code());
  }
}
