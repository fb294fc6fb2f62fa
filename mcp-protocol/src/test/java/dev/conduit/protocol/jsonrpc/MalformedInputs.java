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
    return Stream.concat(Stream.of(
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
            -32600, "null")),
        ambiguousRequests());
  }

  /**
   * Requests and notifications in which some object repeats a member name: each has no one meaning (a lazy reader
   * would take the first value, Jackson the last), so each is an invalid request, with the id when it can be read.
   */
  public static Stream<Case> ambiguousRequests() {
    return Stream.of(
        new Case("repeated name in params", call("70", "{\"name\":\"echo\",\"name\":\"block\"}"), -32600, "70"),
        new Case("repeated name in params, the id after them",
            "{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"name\":\"block\"},"
                + "\"id\":71}", -32600, "71"),
        new Case("repeated name spelled once with a unicode escape",
            call("72", "{\"name\":\"echo\",\"\\u006eame\":\"block\"}"), -32600, "72"),
        new Case("repeated name in nested params",
            call("73", "{\"name\":\"echo\",\"arguments\":{\"text\":\"a\",\"text\":\"b\"}}"), -32600, "73"),
        new Case("repeated name in an object inside an array in params",
            call("74", "{\"name\":\"echo\",\"arguments\":{\"text\":\"a\",\"list\":[{\"k\":1},{\"k\":1,\"k\":2}]}}"),
            -32600, "74"),
        new Case("repeated name in _meta",
            call("75", "{\"name\":\"echo\",\"_meta\":{\"progressToken\":1,\"progressToken\":2}}"), -32600, "75"),
        new Case("repeated name sixteen objects deep", call("76", deep(13, "{\"a\":1,\"a\":2}")), -32600, "76"),
        new Case("repeated name after many members", call("77", wide(60, "field7")), -32600, "77"),
        new Case("repeated name among many members, next to each other", call("78", wide(60, "field59")), -32600,
            "78"),
        new Case("repeated name in params that are an array", call("79", "[{\"a\":1,\"a\":2}]"), -32600, "79"),
        new Case("repeated name in a notification's params",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":\"t\","
                + "\"progressToken\":\"u\",\"progress\":1}}", -32600, "null"),
        new Case("repeated params member",
            "{\"jsonrpc\":\"2.0\",\"id\":80,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"},"
                + "\"params\":{\"name\":\"block\"}}", -32600, "80"),
        new Case("repeated unknown envelope member",
            "{\"jsonrpc\":\"2.0\",\"id\":81,\"method\":\"ping\",\"extra\":1,\"extra\":2}", -32600, "81"),
        new Case("repeated name inside an unknown envelope member",
            "{\"jsonrpc\":\"2.0\",\"id\":82,\"method\":\"ping\",\"extra\":{\"a\":1,\"a\":2}}", -32600, "82"),
        new Case("a response with a null id and a repeated name in error.data",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":1,\"message\":\"m\",\"data\":{\"a\":1,\"a\":2}}}",
            -32600, "null"));
  }

  /**
   * A response to one of our requests in which some object repeats a member name: the codec turns it into an error
   * response to the same id, code -32600, for the caller to fail with.
   *
   * @param name what is repeated where
   * @param template the response, with {@code %id%} where its id goes
   */
  public record AmbiguousResponse(String name, String template) {
    /** The response answering {@code id} (JSON text). */
    public String answering(String id) {
      return template.replace("%id%", id);
    }
  }

  public static Stream<AmbiguousResponse> ambiguousResponses() {
    return Stream.of(
        new AmbiguousResponse("repeated name in a result",
            "{\"jsonrpc\":\"2.0\",\"id\":%id%,\"result\":{\"content\":[],\"content\":[{\"type\":\"text\","
                + "\"text\":\"evil\"}]}}"),
        new AmbiguousResponse("repeated name spelled once with a unicode escape in a result",
            "{\"jsonrpc\":\"2.0\",\"id\":%id%,\"result\":{\"isError\":true,\"\\u0069sError\":false,"
                + "\"content\":[]}}"),
        new AmbiguousResponse("repeated name nested in a result",
            "{\"jsonrpc\":\"2.0\",\"id\":%id%,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"a\","
                + "\"text\":\"b\"}]}}"),
        new AmbiguousResponse("repeated name deep in a result",
            "{\"jsonrpc\":\"2.0\",\"id\":%id%,\"result\":{\"content\":[],\"structuredContent\":"
                + deep(12, "{\"a\":1,\"a\":2}") + "}}"),
        new AmbiguousResponse("repeated name among many members of a result",
            "{\"jsonrpc\":\"2.0\",\"id\":%id%,\"result\":{\"content\":[],\"structuredContent\":"
                + wide(60, "field30") + "}}"),
        new AmbiguousResponse("repeated result member",
            "{\"jsonrpc\":\"2.0\",\"id\":%id%,\"result\":{\"content\":[]},\"result\":{\"content\":[]}}"),
        new AmbiguousResponse("repeated name in an error object",
            "{\"jsonrpc\":\"2.0\",\"id\":%id%,\"error\":{\"code\":-32000,\"code\":-32001,\"message\":\"m\"}}"),
        new AmbiguousResponse("repeated name in error.data",
            "{\"jsonrpc\":\"2.0\",\"id\":%id%,\"error\":{\"code\":-32000,\"message\":\"m\",\"data\":"
                + "{\"retryable\":true,\"retryable\":false}}}"));
  }

  private static String call(String id, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":" + params + "}";
  }

  /** {@code inner} inside {@code levels} objects, each with two other members before it. */
  static String deep(int levels, String inner) {
    return "{\"x\":1,\"y\":[],\"z\":".repeat(levels) + inner + "}".repeat(levels);
  }

  /** An object of {@code members} members field0, field1, ..., then {@code repeated} once more. */
  static String wide(int members, String repeated) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < members; i++) {
      json.append("\"field").append(i).append("\":").append(i).append(',');
    }
    return json.append('"').append(repeated).append("\":0}").toString();
  }
}
