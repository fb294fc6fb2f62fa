package dev.conduit.protocol.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.io.IOException;

/** Decoding and encoding as a peer's message would go: through {@link JsonPayload} and the shared mapper. */
final class Wire {

  private Wire() {}

  /** Binds {@code json} as a payload of a received message would be bound. */
  static <T> T decode(String json, Class<T> type) {
    return JsonPayload.ofJson(json).as(type);
  }

  /** {@code value} as JSON text. */
  static String encode(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      return fail("cannot encode " + value, e);
    }
  }

  /** {@code json} parsed to a tree. */
  static JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      return fail("not JSON: " + json, e);
    }
  }

  /** Decodes {@code json} as {@code type}, re-encodes it, and asserts that the JSON tree is unchanged. */
  static <T> T assertRoundTrip(String json, Class<T> type) {
    T value = decode(json, type);
    assertEquals(tree(json), tree(encode(value)));
    return value;
  }
}
