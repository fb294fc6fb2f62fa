package dev.conduit.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifies that {@link FrameChecks} and {@link WireCapture} catch what the wire test relies on them to catch: hand
 * written frames that break a revision's schema fail, and the same conversation written correctly passes. Without
 * this, a checker that found nothing would make {@link WireSchemaTest} pass vacuously.
 */
class FrameChecksTest {

  private static final String MODERN_META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
      + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

  @Test
  void acceptsAWellFormedLegacyExchange() {
    List<Frame> frames = frames("2024-11-05",
        client("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"x\"}}"),
        server("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":1,"
            + "\"progress\":1}}"),
        server("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}}"));
    frames.forEach(frame -> assertEquals(List.of(), problems(frame)));
    assertEquals("server→client result tools/call", frames.get(2).kindKey());
  }

  @Test
  void rejectsContentTypesARevisionDoesNotHave() {
    assertRejected("2024-11-05", "CallToolResult", "{\"type\":\"audio\",\"data\":\"AA==\",\"mimeType\":\"audio/wav\"}");
    assertRejected("2025-03-26", "CallToolResult", "{\"type\":\"resource_link\",\"uri\":\"file:///a\",\"name\":\"a\"}");
  }

  @Test
  void rejectsALegacyFrameWithAMethodOnlyALaterRevisionDefines() {
    Frame discover = frames("2025-06-18",
        client("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\",\"params\":{}}")).get(0);
    String problems = String.join("\n", problems(discover));
    assertTrue(problems.contains("ClientRequest rejects it") && problems.contains("unmapped method"), problems);
  }

  @Test
  void rejectsAnInputRequiredResultOnALegacySession() {
    Frame result = frames("2025-11-25",
        client("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"x\"}}"),
        server("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"resultType\":\"input_required\",\"requestState\":\"s\"}}"))
        .get(1);
    assertTrue(String.join("\n", problems(result)).contains("CallToolResult rejects it"));
  }

  @Test
  void rejectsModernFramesMissingWhatTheModernEraRequires() {
    List<Frame> frames = frames("2026-07-28",
        client("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}"),
        server("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[],\"resultType\":\"complete\"}}"),
        client("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"x\","
            + MODERN_META + "}}"),
        server("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"content\":[]}}"));
    assertTrue(String.join("\n", problems(frames.get(0))).contains("ListToolsRequest rejects it"));
    assertTrue(String.join("\n", problems(frames.get(1))).contains("ListToolsResult rejects it")); // no ttlMs
    assertEquals(List.of(), problems(frames.get(2)));
    assertTrue(String.join("\n", problems(frames.get(3))).contains("CallToolResult rejects it")); // no resultType
  }

  @Test
  void rejectsAServerToClientRequestInTheModernEra() {
    Frame request = frames("2026-07-28",
        server("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"roots/list\"}")).get(0);
    assertTrue(String.join("\n", problems(request)).contains("lets no server send any request"));
  }

  @Test
  void checksErrorsAgainstTheDefinitionOfTheirCode() {
    List<Frame> frames = frames("2026-07-28",
        client("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{" + MODERN_META + "}}"),
        server("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32022,\"message\":\"unsupported\"}}"),
        client("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"" + MethodTable.UNKNOWN_METHOD + "\",\"params\":{"
            + MODERN_META + "}}"),
        server("{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32602,\"message\":\"bad\"}}"));
    assertTrue(String.join("\n", problems(frames.get(1))).contains("UnsupportedProtocolVersionError rejects it"));
    assertEquals(List.of(), problems(frames.get(2)));
    assertTrue(String.join("\n", problems(frames.get(3))).contains("must be answered with -32601"));
  }

  @Test
  void rejectsAResponseToNoRequestAndWrongTypes() {
    List<Frame> frames = frames("2024-11-05",
        server("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}"),
        server("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":1,"
            + "\"progress\":\"half\"}}"),
        client("[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]"));
    assertTrue(String.join("\n", problems(frames.get(0))).contains("answers no request"));
    assertTrue(String.join("\n", problems(frames.get(1))).contains("ProgressNotification rejects it"));
    assertTrue(String.join("\n", problems(frames.get(2))).contains("not a JSON-RPC"));
  }

  private static void assertRejected(String revision, String definition, String block) {
    Frame result = frames(revision,
        client("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"x\"}}"),
        server("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[" + block + "]}}")).get(1);
    String problems = String.join("\n", problems(result));
    assertTrue(problems.contains(definition + " rejects it"), () -> revision + ": " + problems);
  }

  private static List<String> problems(Frame frame) {
    return FrameChecks.problems(frame, MethodTable.of(frame.revision()));
  }

  private record Sent(boolean fromClient, String text) {}

  private static Sent client(String text) {
    return new Sent(true, text);
  }

  private static Sent server(String text) {
    return new Sent(false, text);
  }

  private static List<Frame> frames(String revision, Sent... sent) {
    WireCapture capture = new WireCapture();
    for (Sent frame : sent) {
      capture.onFrame(frame.fromClient(), frame.text().getBytes(StandardCharsets.UTF_8));
    }
    return capture.frames(revision);
  }
}
