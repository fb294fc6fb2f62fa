package dev.conduit.transport.http;

import static dev.conduit.transport.http.Fixture.INITIALIZE;
import static dev.conduit.transport.http.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.transport.Eventually;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sessions: expiry, the cap, DELETE, and the stateless mode that has none. */
class SessionLifecycleTest {

  @Test
  void anIdleSessionExpiresAndThenGets404() throws Exception {
    StreamableHttpOptions options =
        StreamableHttpOptions.builder().sessionIdleTimeout(Duration.ofMillis(200)).build();
    try (Fixture fixture = new Fixture(options)) {
      String session = fixture.initialize();
      long deadline = System.nanoTime() + Duration.ofSeconds(Fixture.WAIT_SECONDS).toNanos();
      while (fixture.http.sessionCount() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20); // the sweeper ends idle sessions; polling the count does not touch the session
      }
      try (RawHttp response = fixture.post(Fixture.call(2, "echo"), "Mcp-Session-Id", session)) {
        assertEquals(404, response.status());
      }
      assertEquals(0, fixture.http.sessionCount());
    }
  }

  @Test
  void aFullSessionTableAnswers503WithAJsonRpcError() throws IOException {
    StreamableHttpOptions options = StreamableHttpOptions.builder().maxSessions(2).build();
    try (Fixture fixture = new Fixture(options)) {
      fixture.initialize();
      fixture.initialize();
      try (RawHttp response = fixture.post(INITIALIZE)) {
        assertEquals(503, response.status());
        assertNull(response.header("Mcp-Session-Id"));
        assertEquals(-32000, json(response.body()).path("error").path("code").asInt());
      }
    }
  }

  @Test
  void aFullTableEvictsExpiredSessionsBeforeRefusing() throws Exception {
    StreamableHttpOptions options =
        StreamableHttpOptions.builder().maxSessions(1).sessionIdleTimeout(Duration.ofMillis(100)).build();
    try (Fixture fixture = new Fixture(options)) {
      fixture.initialize();
      Thread.sleep(300);
      try (RawHttp response = fixture.post(INITIALIZE)) {
        assertEquals(200, response.status());
      }
    }
  }

  @Test
  void deleteEndsTheSession() throws IOException {
    try (Fixture fixture = new Fixture()) {
      String session = fixture.initialize();
      try (RawHttp response = fixture.request("DELETE", "/mcp", Map.of("Mcp-Session-Id", session), null)) {
        assertEquals(200, response.status());
      }
      try (RawHttp response = fixture.post(Fixture.call(2, "echo"), "Mcp-Session-Id", session)) {
        assertEquals(404, response.status());
      }
      assertEquals(0, fixture.http.sessionCount());
    }
  }

  @Test
  void deleteGets405WhenDisabled() throws IOException {
    try (Fixture fixture = new Fixture(StreamableHttpOptions.builder().allowDelete(false).build())) {
      String session = fixture.initialize();
      try (RawHttp response = fixture.request("DELETE", "/mcp", Map.of("Mcp-Session-Id", session), null)) {
        assertEquals(405, response.status());
      }
    }
  }

  @Test
  void statelessModeServesEachPostOnItsOwnWithoutSessionIds() throws Exception {
    try (Fixture fixture = new Fixture(StreamableHttpOptions.builder().stateless(true).build())) {
      try (RawHttp response = fixture.post(INITIALIZE)) {
        assertEquals(200, response.status());
        assertNull(response.header("Mcp-Session-Id"));
        assertEquals("http-test", json(response.body()).path("result").path("serverInfo").path("name").asText());
      }
      try (RawHttp response = fixture.post(Fixture.call(2, "echo"), "MCP-Protocol-Version", "2025-06-18")) {
        assertEquals(200, response.status());
        assertNull(response.header("Mcp-Session-Id"));
        assertEquals("echo", json(response.body()).path("result").path("content").path(0).path("text").asText());
      }
      try (RawHttp response = fixture.post(Fixture.call(3, "chatty"))) {
        assertTrue(response.header("Content-Type").startsWith("text/event-stream"));
        RawHttp.SseEvent last = null;
        for (RawHttp.SseEvent event; (event = response.nextMessage()) != null; ) {
          last = event;
        }
        assertEquals("done", json(last.data()).path("result").path("content").path(0).path("text").asText());
      }
      assertEquals(0, fixture.http.sessionCount());
      assertTrue(Eventually.holds(() -> fixture.server.sessions().isEmpty()), "every POST's connection ended");
    }
  }

  @Test
  void statelessModeRefusesGetAndDeleteWith405() throws IOException {
    try (Fixture fixture = new Fixture(StreamableHttpOptions.builder().stateless(true).build())) {
      try (RawHttp response = fixture.request("GET", "/mcp", Map.of("Accept", "text/event-stream"), null)) {
        assertEquals(405, response.status());
      }
      try (RawHttp response = fixture.request("DELETE", "/mcp", Map.of(), null)) {
        assertEquals(405, response.status());
      }
    }
  }

  @Test
  void aClosedMcpServerAnswers503() throws IOException {
    try (Fixture fixture = new Fixture()) {
      fixture.server.close();
      try (RawHttp response = fixture.post(INITIALIZE)) {
        assertEquals(503, response.status());
        assertEquals(-32000, json(response.body()).path("error").path("code").asInt());
      }
    }
  }
}
