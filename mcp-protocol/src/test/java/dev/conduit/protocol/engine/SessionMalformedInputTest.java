package dev.conduit.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.engine.MalformedSessionRows.Probe;
import dev.conduit.protocol.engine.MalformedSessionRows.Row;
import dev.conduit.protocol.engine.MalformedSessionRows.Start;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Specifies what a real {@link dev.conduit.protocol.server.McpServer} answers to input that is malformed, misplaced
 * or meaningless, over a transport that really encodes bytes: every row gets the right error (code and id) or, for
 * messages that must not be answered, no answer at all; no error gives away a class name or a stack trace; and the
 * same connection then serves the next valid request normally. One malformed message never ends a session.
 *
 * <p>The table is {@link MalformedSessionRows}: the codec's cases from {@link
 * dev.conduit.protocol.jsonrpc.MalformedInputs} (answered by the transport with the codec's error), then the cases
 * the engine and the server answer (unknown methods, wrong parameters, lifecycle, duplicate ids, stray responses,
 * modern {@code _meta} problems).
 */
class SessionMalformedInputTest {

  @TestFactory
  Stream<DynamicTest> eachRowIsAnsweredRightAndTheSessionServesTheNextRequest() {
    return MalformedSessionRows.all().map(row -> DynamicTest.dynamicTest(row.name(), () -> run(row)));
  }

  @Test
  void theTableHasAtLeastThirtyNamedRows() {
    List<String> names = MalformedSessionRows.all().map(Row::name).toList();
    assertTrue(names.size() >= 30, "rows: " + names.size());
    Set<String> unique = names.stream().collect(Collectors.toSet());
    assertEquals(names.size(), unique.size(), "row names are unique");
  }

  private static void run(Row row) throws Exception {
    FixtureServer fixture = new FixtureServer();
    try (RawPeer peer = RawPeer.connect(fixture.server)) {
      if (row.start() == Start.INITIALIZED) {
        peer.initialize();
      }
      row.scenario().run(peer, fixture);
      if (row.probe() == Probe.MODERN) {
        probeModern(peer);
      } else {
        probeLegacy(peer, row.start() == Start.FRESH);
      }
      peer.assertNothingMore();
    } finally {
      fixture.release.countDown();
      fixture.server.close();
    }
  }

  /** A legacy tools/call, after the handshake if the row left the connection uninitialized. */
  private static void probeLegacy(RawPeer peer, boolean handshakeFirst) {
    if (handshakeFirst) {
      peer.initialize();
    }
    peer.request("\"probe\"", "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"probe\"}}");
    JsonNode result = peer.resultFor("\"probe\"").result().tree();
    assertEquals("probe", result.path("content").path(0).path("text").asText(), "the probe's result: " + result);
  }

  /** A modern (2026-07-28) tools/call, which needs no handshake. */
  private static void probeModern(RawPeer peer) {
    peer.request("\"probe\"", "tools/call",
        "{\"name\":\"echo\",\"arguments\":{\"text\":\"probe\"}," + MalformedSessionRows.MODERN_META + "}");
    JsonNode result = peer.resultFor("\"probe\"").result().tree();
    assertEquals("complete", result.path("resultType").asText(), "the probe's resultType: " + result);
    assertEquals("probe", result.path("content").path(0).path("text").asText(), "the probe's result: " + result);
  }
}
