package dev.conduit.protocol.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the codec answers to input that is not a valid message: never an exception, always the right error. */
class MalformedInputTest {

  private static final JsonRpcCodec CODEC =
      JsonRpcCodec.builder().maxMessageBytes(4096).maxNestingDepth(16).maxIdLength(64).build();

  static Stream<Arguments> cases() {
    return MalformedInputs.cases().map(c -> Arguments.of(c.name(), c.input(), c.code(), c.id()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersWithTheRightError(String name, String input, int code, String id) {
    DecodeResult result = CODEC.decode(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    JsonRpcError error = assertInstanceOf(DecodeResult.Failure.class, result, name).error();
    assertEquals(code, error.error().code(), name + ": " + error.error().message());
    assertEquals(id, String.valueOf(error.id()), name);
    assertTrue(!error.error().message().contains("com.fasterxml"), "no class names on the wire");
    assertTrue(!error.error().message().contains("StreamReadConstraints"), "no class names on the wire");
  }

  static Stream<Arguments> ambiguousResponses() {
    return MalformedInputs.ambiguousResponses().map(r -> Arguments.of(r.name(), r));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ambiguousResponses")
  void anAmbiguousResponseDecodesAsAnErrorForTheCallerNotForThePeer(String name, MalformedInputs.AmbiguousResponse r) {
    for (String id : new String[] {"5", "\"call-5\""}) {
      DecodeResult result = CODEC.decode(r.answering(id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      JsonRpcMessage message = assertInstanceOf(DecodeResult.Success.class, result, name).message();
      JsonRpcError error = assertInstanceOf(JsonRpcError.class, message, name);
      assertEquals(id, String.valueOf(error.id()), name);
      assertEquals(ErrorCodes.INVALID_REQUEST, error.error().code(), name);
      assertTrue(error.error().message().startsWith("Invalid response: duplicate member '"), error.error().message());
      assertNull(error.error().data(), "neither value of the repeated member is passed on");
    }
  }
}
