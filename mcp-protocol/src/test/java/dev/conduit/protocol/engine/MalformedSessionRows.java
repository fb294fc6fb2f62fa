package dev.conduit.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.MalformedInputs;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The rows of {@link SessionMalformedInputTest}: every codec-level case of {@link MalformedInputs}, then the cases
 * only the engine and the server can answer. Each row names what is wrong, the state the connection starts in, what
 * the peer sends and what it must get back.
 */
final class MalformedSessionRows {

  private MalformedSessionRows() {}

  /** Where a row's connection starts. */
  enum Start {
    /** Nothing sent yet. */
    FRESH,
    /** The legacy handshake is done. */
    INITIALIZED
  }

  /** Which era the probe request that follows a row speaks. */
  enum Probe {
    LEGACY,
    MODERN
  }

  /** What happens in a row, given the raw peer and the server's fixture. */
  @FunctionalInterface
  interface Scenario {
    void run(RawPeer peer, FixtureServer fixture) throws Exception;
  }

  /**
   * One row of the table.
   *
   * @param name what is wrong, as the test report shows it
   * @param start the connection's state before the row
   * @param probe the era of the valid request sent after the row
   * @param scenario what is sent and what must come back
   */
  record Row(String name, Start start, Probe probe, Scenario scenario) {}

  /** The modern {@code _meta} members every 2026-07-28 request carries, for splicing into params. */
  static final String MODERN_META =
      "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

  static Stream<Row> all() {
    return Stream.concat(MalformedInputs.cases().map(MalformedSessionRows::codecRow), engineRows().stream());
  }

  private static Row codecRow(MalformedInputs.Case c) {
    return new Row("codec: " + c.name(), Start.INITIALIZED, Probe.LEGACY, (peer, fixture) -> {
      peer.send(c.input());
      assertError(peer.errorFor(c.id()), c.code());
    });
  }

  private static List<Row> engineRows() {
    return List.of(
        // JSON-RPC level, answered by the engine or the server's dispatch
        error("unknown method", Start.INITIALIZED, req("10", "no/such/method", "{}"), -32601, "10"),
        error("request before initialize", Start.FRESH, req("11", "tools/list", null), -32600, "11"),
        error("second initialize", Start.INITIALIZED,
            req("12", "initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"again\",\"version\":\"1\"}}"), -32600, "12"),
        error("initialize without params", Start.FRESH, req("13", "initialize", null), -32602, "13"),
        error("initialize without clientInfo", Start.FRESH,
            req("14", "initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}}"), -32602, "14"),
        new Row("duplicate id while the first request is in flight", Start.INITIALIZED, Probe.LEGACY,
            MalformedSessionRows::duplicateId),
        served("a string id of exactly the limit (64 characters) is served", "\"" + "i".repeat(64) + "\""),
        served("a numeric id wider than a long is echoed verbatim", "123456789012345678901234567890"),
        silent("a response to nothing", "{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":{}}"),
        silent("an error response to nothing",
            "{\"jsonrpc\":\"2.0\",\"id\":998,\"error\":{\"code\":-32603,\"message\":\"Internal error\"}}"),
        silent("an error response with a null id",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}"),
        silent("a response to nothing that repeats a member name (a response is never answered)",
            MalformedInputs.ambiguousResponses().findFirst().orElseThrow().answering("997")),
        silent("a notification with an unknown method", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/nope\"}"),
        silent("a cancellation of a request not in flight",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":4242}}"),
        silent("a cancellation without a requestId",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"reason\":\"x\"}}"),
        silent("progress for an unknown token",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":\"t\","
                + "\"progress\":1}}"),

        // Parameters that do not fit the method
        wrongType("tools/call with a name that is a number", req("20", "tools/call", "{\"name\":5}"), "20", "name"),
        wrongType("resources/read with a uri that is a number",
            req("35", "resources/read", "{\"uri\":5}"), "35", "uri"),
        error("tools/call with a name that is an object", Start.INITIALIZED,
            req("21", "tools/call", "{\"name\":{\"a\":1}}"), -32602, "21"),
        error("tools/call without a name", Start.INITIALIZED,
            req("22", "tools/call", "{\"arguments\":{}}"), -32602, "22"),
        error("tools/call with params as an array", Start.INITIALIZED,
            req("23", "tools/call", "[\"echo\"]"), -32602, "23"),
        error("tools/call of an unknown tool", Start.INITIALIZED,
            req("24", "tools/call", "{\"name\":\"nope\",\"arguments\":{}}"), -32602, "24"),
        new Row("tools/call with arguments that violate the input schema is a tool error", Start.INITIALIZED,
            Probe.LEGACY, (peer, fixture) -> {
              peer.request("25", "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":7}}");
              JsonNode result = peer.resultFor("25").result().tree();
              assertTrue(result.path("isError").asBoolean(), "isError: " + result);
            }),
        error("tools/list with an invalid cursor", Start.INITIALIZED,
            req("26", "tools/list", "{\"cursor\":\"not-a-cursor\"}"), -32602, "26"),
        error("tools/list with a cursor past the end", Start.INITIALIZED,
            req("27", "tools/list", "{\"cursor\":\"" + cursor(1000) + "\"}"), -32602, "27"),
        error("prompts/get without a required argument", Start.INITIALIZED,
            req("28", "prompts/get", "{\"name\":\"greet\",\"arguments\":{}}"), -32602, "28"),
        error("prompts/get of an unknown prompt", Start.INITIALIZED,
            req("29", "prompts/get", "{\"name\":\"nope\"}"), -32602, "29"),
        error("resources/read of an unknown URI (legacy)", Start.INITIALIZED,
            req("30", "resources/read", "{\"uri\":\"memo://nowhere\"}"), -32002, "30"),
        error("resources/subscribe without params", Start.INITIALIZED,
            req("31", "resources/subscribe", null), -32602, "31"),
        error("logging/setLevel with an unknown level", Start.INITIALIZED,
            req("32", "logging/setLevel", "{\"level\":\"loud\"}"), -32602, "32"),
        error("completion/complete for an unknown prompt", Start.INITIALIZED,
            req("33", "completion/complete", "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"nope\"},"
                + "\"argument\":{\"name\":\"a\",\"value\":\"b\"}}"), -32602, "33"),
        error("_meta that is not an object", Start.INITIALIZED,
            req("34", "tools/list", "{\"_meta\":5}"), -32602, "34"),

        // Modern (2026-07-28) requests, which carry their era in _meta
        new Row("modern: unsupported protocol version", Start.FRESH, Probe.MODERN, (peer, fixture) -> {
          peer.request("40", "tools/list", "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"1999-01-01\","
              + "\"io.modelcontextprotocol/clientCapabilities\":{}}}");
          JsonRpcError error = peer.errorFor("40");
          assertError(error, -32022);
          assertNotNull(error.error().data(), "data");
          JsonNode data = error.error().data().tree();
          assertTrue(data.path("supported").isArray(), "data.supported: " + data);
          assertTrue(data.path("supported").toString().contains("\"2026-07-28\""), "data.supported: " + data);
          assertEquals("1999-01-01", data.path("requested").asText(), "data.requested");
        }),
        error("modern: a legacy version in _meta", Start.FRESH,
            req("41", "tools/list", "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2025-11-25\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}"), -32022, "41", Probe.MODERN),
        error("modern: a protocol version that is a number", Start.FRESH,
            req("42", "tools/list", "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":20260728,"
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}"), -32022, "42", Probe.MODERN),
        error("modern: missing clientCapabilities", Start.FRESH,
            req("43", "tools/list", "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}"),
            -32602, "43", Probe.MODERN),
        error("modern: clientCapabilities that is not an object", Start.FRESH,
            req("44", "tools/list", "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":[]}}"), -32602, "44", Probe.MODERN),
        error("modern: unknown logLevel", Start.FRESH,
            req("45", "tools/list", "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{},\"io.modelcontextprotocol/logLevel\":\"loud\"}}"),
            -32602, "45", Probe.MODERN),
        error("modern: resources/read of an unknown URI", Start.FRESH,
            req("46", "resources/read", "{\"uri\":\"memo://nowhere\"," + MODERN_META + "}"), -32602, "46",
            Probe.MODERN),
        error("modern: ping, which 2026-07-28 removed", Start.FRESH,
            req("47", "ping", "{" + MODERN_META + "}"), -32601, "47", Probe.MODERN),
        error("modern: logging/setLevel, which 2026-07-28 removed", Start.FRESH,
            req("48", "logging/setLevel", "{\"level\":\"info\"," + MODERN_META + "}"), -32601, "48", Probe.MODERN),
        error("modern: tools/call with a forged requestState", Start.FRESH,
            req("49", "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"x\"},\"requestState\":\""
                + forgedState() + "\"," + MODERN_META + "}"), -32602, "49", Probe.MODERN),
        error("modern: tools/call with a malformed requestState", Start.FRESH,
            req("50", "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"x\"},\"requestState\":\"nodot\","
                + MODERN_META + "}"), -32602, "50", Probe.MODERN));
  }

  /** The second request reuses the id of one still running: it is refused, and the first still gets its result. */
  private static void duplicateId(RawPeer peer, FixtureServer fixture) throws InterruptedException {
    peer.request("60", "tools/call", "{\"name\":\"block\"}");
    assertTrue(fixture.entered.await(RawPeer.WAIT_SECONDS, TimeUnit.SECONDS), "the block tool started");
    peer.request("60", "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"second\"}}");
    assertError(peer.errorFor("60"), -32600);
    fixture.release.countDown();
    JsonNode first = peer.resultFor("60").result().tree();
    assertEquals("released", first.path("content").path(0).path("text").asText(), "the first request's result");
  }

  private static Row error(String name, Start start, String frame, int code, String id) {
    return error(name, start, frame, code, id, Probe.LEGACY);
  }

  private static Row error(String name, Start start, String frame, int code, String id, Probe probe) {
    return new Row(name, start, probe, (peer, fixture) -> {
      peer.send(frame);
      assertError(peer.errorFor(id), code);
    });
  }

  /**
   * A parameter of the wrong JSON type: invalid params that name the parameter. The value is not coerced (a number
   * is not taken for the tool named "5").
   */
  private static Row wrongType(String name, String frame, String id, String parameter) {
    return new Row(name, Start.INITIALIZED, Probe.LEGACY, (peer, fixture) -> {
      peer.send(frame);
      JsonRpcError error = peer.errorFor(id);
      assertError(error, -32602);
      assertTrue(error.error().message().contains("'" + parameter + "'"),
          () -> "the message names the parameter: " + error.error().message());
    });
  }

  /** A message that must get no answer at all. */
  private static Row silent(String name, String frame) {
    return new Row(name, Start.INITIALIZED, Probe.LEGACY, (peer, fixture) -> peer.send(frame));
  }

  /** A valid but unusual request that must be served, its id echoed exactly. */
  private static Row served(String name, String id) {
    return new Row(name, Start.INITIALIZED, Probe.LEGACY, (peer, fixture) -> {
      peer.request(id, "ping", null);
      peer.resultFor(id);
    });
  }

  private static String req(String id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
        + (params == null ? "" : ",\"params\":" + params) + "}";
  }

  /** A cursor in the server's own format that points past the end of every list here. */
  private static String cursor(int offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** A state that looks like the server's (body.signature) but was signed by nobody. */
  private static String forgedState() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String body = b64.encodeToString(
        ("{\"v\":1,\"m\":\"tools/call\",\"t\":\"echo\",\"x\":" + Long.MAX_VALUE + ",\"q\":[],\"a\":{}}")
            .getBytes(StandardCharsets.UTF_8));
    return body + "." + b64.encodeToString(new byte[32]);
  }

  /** The error has the expected code and a message that gives nothing of the implementation away. */
  static void assertError(JsonRpcError error, int code) {
    String text = RawPeer.describe(error);
    assertEquals(code, error.error().code(), () -> "code of " + text);
    assertFalse(error.error().message().isBlank(), "a message");
    for (String leak : List.of("Exception", "com.fasterxml", "dev.conduit", "java.", "\tat ", "\\tat ")) {
      assertFalse(text.contains(leak), () -> "'" + leak + "' leaked onto the wire: " + text);
    }
    assertFalse(error.error().message().contains("\n"), () -> "a multi-line message (a stack trace?): " + text);
  }
}
