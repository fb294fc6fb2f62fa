package dev.conduit.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.engine.WireLog.Connected;
import dev.conduit.protocol.server.McpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@code ping} on a legacy connection: the server answers it with an empty result before {@code
 * initialize} (the one request the lifecycle allows then) and after it.
 */
class PingTest {

  private final FixtureServer fixture = new FixtureServer();

  @AfterEach
  void shutDown() {
    fixture.server.close();
  }

  @Test
  void pingIsAnsweredBeforeInitialize() {
    try (RawPeer peer = RawPeer.connect(fixture.server)) {
      peer.request("1", "ping", null);
      assertTrue(peer.resultFor("1").result().tree().isEmpty(), "an empty result");

      peer.initialize();
      peer.request("2", "tools/list", null);
      assertEquals(2, peer.resultFor("2").result().tree().path("tools").size(), "the session then initializes");
    }
  }

  @Test
  void pingIsAnsweredAfterInitialize() {
    try (RawPeer peer = RawPeer.connect(fixture.server)) {
      peer.initialize();
      peer.request("\"p\"", "ping", "{}");
      assertTrue(peer.resultFor("\"p\"").result().tree().isEmpty(), "an empty result");
      peer.assertNothingMore();
    }
  }

  @Test
  void aLegacyClientPingsAfterConnecting() {
    try (Connected connection = WireLog.connect(fixture.server)) {
      connection.client().ping();
      connection.client().ping();
    }
  }
}
