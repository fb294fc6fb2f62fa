package dev.conduit.transport.http;

import static dev.conduit.transport.http.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link StreamableHttpServlet} mounted in embedded Jetty 12 (ee10, Servlet 6.0). */
class ServletJettyTest {

  private Fixture fixture;

  @BeforeEach
  void start() throws Exception {
    StreamableHttpOptions options = StreamableHttpOptions.builder()
        .sseUpgradeDelay(Duration.ofMillis(100)).keepAliveInterval(Duration.ofMillis(100)).build();
    fixture = new Fixture(Fixture.jetty("/", "/mcp", server -> new StreamableHttpServlet(server, options)));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void initializeAndAPlainCallAnswerJson() throws IOException {
    String session = fixture.initialize();
    try (RawHttp response = fixture.post(Fixture.call(2, "echo"), "Mcp-Session-Id", session)) {
      assertEquals(200, response.status());
      assertTrue(response.header("Content-Type").startsWith("application/json"));
      assertEquals("echo", json(response.body()).path("result").path("content").path(0).path("text").asText());
    }
  }

  @Test
  void aCallThatLogsIsStreamedAsSse() throws IOException {
    String session = fixture.initialize();
    try (RawHttp response = fixture.post(Fixture.call(3, "chatty"), "Mcp-Session-Id", session)) {
      assertEquals(200, response.status());
      assertTrue(response.header("Content-Type").startsWith("text/event-stream"));
      RawHttp.SseEvent priming = response.nextEvent();
      assertEquals("", priming.data());
      int logs = 0;
      RawHttp.SseEvent last = null;
      for (RawHttp.SseEvent event; (event = response.nextMessage()) != null; ) {
        last = event;
        if (json(event.data()).path("method").asText().equals("notifications/message")) {
          logs++;
        }
      }
      assertEquals(3, logs);
      assertEquals("done", json(last.data()).path("result").path("content").path(0).path("text").asText());
    }
  }

  @Test
  void aForeignHostIsRefused() throws IOException {
    try (RawHttp response = fixture.post(Fixture.INITIALIZE, "Host", "evil.example.com",
        "Origin", "http://evil.example.com")) {
      assertEquals(403, response.status());
    }
  }

  @Test
  void closingAModernResponseStreamCancelsTheRequest() throws Exception {
    String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"wait\","
        + "\"arguments\":{},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
        + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
    try (RawHttp response = fixture.post(call, "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call",
        "Mcp-Name", "wait")) {
      assertTrue(fixture.waiting.await(Fixture.WAIT_SECONDS, TimeUnit.SECONDS));
      assertEquals(200, response.status());
    }
    assertTrue(fixture.cancelled.await(Fixture.WAIT_SECONDS, TimeUnit.SECONDS));
  }
}
