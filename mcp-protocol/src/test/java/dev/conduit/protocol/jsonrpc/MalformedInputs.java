package dev.conduit.protocol.jsonrpc;

import java.util.stream.Stream;

/**
 * A table of malformed inputs and the error each must get, shared by the codec test and the session-level test.
 * Limits assumed: messages up to 4096 bytes, nesting up to 16 levels, ids up to 64 characters.
 */
public final class MalformedInputs {

  private MalformedInputs() {}

  /**
   * One malformed input.
   *
   * @param name what is wrong
   * @param input the bytes, as text
   * @param code the JSON-RPC error code it must get
   * @param id the id the error must carry, as {@link RequestId#toString()} prints it, or "null"
   */
  public record Case(String name, String input, int code, String id) {}

  public static Stream<Case> cases() {
    return Stream.of(
        new Case("empty input", "", -32700, "null"),
        new Case("whitespace only", "   ", -32700, "null"),
        new Case("truncated object", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"", -32700, "null"),
        new Case("not JSON at all", "hello there", -32700, "null"),
        new Case("single quotes", "{'jsonrpc':'2.0','id':1,'method':'ping'}", -32700, "null"),
        new Case("trailing comma", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",}", -32700, "null"),
        new Case("two objects on one line",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}",
            -32700, "null"),
        new Case("bad escape in params", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"a\":\"\\q\"}}",
            -32700, "null"),
        new Case("NaN in params", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"a\":NaN}}", -32700,
            "null"),
        new Case("raw control character in a string", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\u0001b\"}", -32700, "null"),
        new Case("a JSON string", "\"ping\"", -32600, "null"),
        new Case("a JSON number", "42", -32600, "null"),
        new Case("JSON null", "null", -32600, "null"),
        new Case("a batch array", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", -32600, "null"),
        new Case("an empty object", "{}", -32600, "null"),
        new Case("missing jsonrpc", "{\"id\":1,\"method\":\"ping\"}", -32600, "1"),
        new Case("wrong jsonrpc version", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", -32600, "1"),
        new Case("jsonrpc as a number", "{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}", -32600, "1"),
        new Case("method is a number", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":42}", -32600, "3"),
        new Case("method is null", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":null}", -32600, "3"),
        new Case("id is an object", "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}", -32600, "null"),
        new Case("id is a boolean", "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}", -32600, "null"),
        new Case("request id is null", "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}", -32600, "null"),
        new Case("huge string id", "{\"jsonrpc\":\"2.0\",\"id\":\"" + "x".repeat(65) + "\",\"method\":\"ping\"}",
            -32600, "null"),
        new Case("huge numeric id", "{\"jsonrpc\":\"2.0\",\"id\":" + "9".repeat(65) + ",\"method\":\"ping\"}",
            -32600, "null"),
        new Case("params is a string", "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\",\"params\":\"x\"}", -32600,
            "4"),
        new Case("params is a number", "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\",\"params\":5}", -32600, "4"),
        new Case("method and result", "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\",\"result\":{}}", -32600, "5"),
        new Case("result and error",
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"result\":{},\"error\":{\"code\":1,\"message\":\"m\"}}", -32600, "6"),
        new Case("result without id", "{\"jsonrpc\":\"2.0\",\"result\":{}}", -32600, "null"),
        new Case("error without code", "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"message\":\"m\"}}", -32600, "7"),
        new Case("error code is a string", "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":\"x\",\"message\":\"m\"}}",
            -32600, "7"),
        new Case("error is a string", "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":\"boom\"}", -32600, "7"),
        new Case("id only", "{\"jsonrpc\":\"2.0\",\"id\":8}", -32600, "8"),
        new Case("duplicate id member", "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}", -32600, "2"),
        new Case("duplicate method member",
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\",\"method\":\"tools/list\"}", -32600, "9"),
        new Case("oversize message",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"a\":\"" + "y".repeat(5000) + "\"}}",
            -32600, "null"),
        new Case("nesting too deep",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":" + "[".repeat(40) + "]".repeat(40) + "}",
            -32600, "null"));
  }
}
