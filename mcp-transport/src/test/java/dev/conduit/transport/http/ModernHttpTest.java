package dev.conduit.transport.http;

import static dev.conduit.transport.http.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.transport.Eventually;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streamable HTTP as 2026-07-28 defines it: per-request headers, no sessions, statuses for errors. */
class ModernHttpTest {

  private static final String META =
      "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

  private Fixture fixture;

  @BeforeEach
  void start() {
    fixture = new Fixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  /** Keep-alives notice a client that left; make them frequent, and long requests SSE streams early. */
  private void useFastKeepAlives() {
    fixture.close();
    fixture = new Fixture(StreamableHttpOptions.builder()
        .sseUpgradeDelay(Duration.ofMillis(100)).keepAliveInterval(Duration.ofMillis(100)).build());
  }

  private static String call(String tool) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
        + "\",\"arguments\":{}," + META + "}}";
  }

  private RawHttp post(String body, String method, String name, String... extra) throws IOException {
    String[] headers = new String[6 + extra.length];
    headers[0] = "MCP-Protocol-Version";
    headers[1] = "2026-07-28";
    headers[2] = "Mcp-Method";
    headers[3] = method;
    headers[4] = "Mcp-Name";
    headers[5] = name;
    System.arraycopy(extra, 0, headers, 6, extra.length);
    return fixture.post(body, headers);
  }

  @Test
  void aPostWithMatchingHeadersIsServedWithoutASession() throws IOException {
    try (RawHttp response = post(call("echo"), "tools/call", "echo", "Mcp-Session-Id", "ignored")) {
      assertEquals(200, response.status());
      assertNull(response.header("Mcp-Session-Id"));
      JsonNode body = json(response.body());
      assertEquals("echo", body.path("result").path("content").path(0).path("text").asText());
      assertEquals("complete", body.path("result").path("resultType").asText());
    }
    assertEquals(0, fixture.http.sessionCount());
  }

  @Test
  void aBase64EncodedNameHeaderIsDecoded() throws IOException {
    String encoded = "=?base64?" + Base64.getEncoder().encodeToString("echo".getBytes(StandardCharsets.UTF_8)) + "?=";
    try (RawHttp response = post(call("echo"), "tools/call", encoded)) {
      assertEquals(200, response.status());
    }
  }

  @Test
  void aMismatchedMcpMethodGets400HeaderMismatch() throws IOException {
    try (RawHttp response = post(call("echo"), "tools/list", "echo")) {
      assertEquals(400, response.status());
      JsonNode body = json(response.body());
      assertEquals(-32020, body.path("error").path("code").asInt());
      assertEquals(1, body.path("id").asInt());
    }
  }

  @Test
  void aMismatchedMcpNameGets400HeaderMismatch() throws IOException {
    try (RawHttp response = post(call("echo"), "tools/call", "chatty")) {
      assertEquals(400, response.status());
      assertEquals(-32020, json(response.body()).path("error").path("code").asInt());
    }
  }

  @Test
  void aVersionHeaderThatDisagreesWithMetaGets400HeaderMismatch() throws IOException {
    String otherVersion = call("echo").replace("\"2026-07-28\"", "\"2025-11-25\"");
    try (RawHttp response = post(otherVersion, "tools/call", "echo")) {
      assertEquals(400, response.status());
      JsonNode body = json(response.body());
      assertEquals(-32020, body.path("error").path("code").asInt());
      assertEquals(1, body.path("id").asInt());
    }
  }

  @Test
  void aRequestWhoseMetaNamesNoVersionGets400InvalidParams() throws IOException {
    String noMeta = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":{}}";
    try (RawHttp response = post(noMeta, "tools/list", "")) {
      assertEquals(400, response.status());
      JsonNode body = json(response.body());
      assertEquals(-32602, body.path("error").path("code").asInt());
      assertEquals(7, body.path("id").asInt());
    }
  }

  @Test
  void anUnknownVersionGets400UnsupportedProtocolVersionWithTheRequestIdAndWhatToRetryWith() throws IOException {
    String future = call("echo").replace("\"2026-07-28\"", "\"2099-01-01\"");
    try (RawHttp response = fixture.post(future, "MCP-Protocol-Version", "2099-01-01", "Mcp-Method", "tools/call",
        "Mcp-Name", "echo")) {
      assertEquals(400, response.status());
      JsonNode body = json(response.body());
      assertEquals(-32022, body.path("error").path("code").asInt(), body.toString());
      assertEquals(1, body.path("id").asInt());
      assertEquals("2099-01-01", body.path("error").path("data").path("requested").asText());
      assertEquals("[\"2026-07-28\"]", body.path("error").path("data").path("supported").toString());
    }
  }

  @Test
  void aToolNamedTwiceGets400InvalidRequestWhicheverNameMcpNameCarries() throws IOException {
    for (String name : new String[] {"echo", "thread"}) {
      try (RawHttp response = post(Fixture.callNamingTwoTools(7, "name", "," + META), "tools/call", name)) {
        Fixture.assertRefusedAsAmbiguous(response, 7);
      }
    }
    try (RawHttp response = post(call("echo"), "tools/call", "echo")) {
      assertEquals(200, response.status());
    }
  }

  @Test
  void anUnknownMethodGets404WithMethodNotFound() throws IOException {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"no/such\",\"params\":{" + META + "}}";
    try (RawHttp response = post(body, "no/such", "")) {
      assertEquals(404, response.status());
      assertEquals(-32601, json(response.body()).path("error").path("code").asInt());
    }
  }

  @Test
  void getAndDeleteGet405() throws IOException {
    Map<String, String> headers = Map.of("Accept", "text/event-stream", "MCP-Protocol-Version", "2026-07-28");
    try (RawHttp response = fixture.request("GET", "/mcp", headers, null)) {
      assertEquals(405, response.status());
    }
    try (RawHttp response = fixture.request("DELETE", "/mcp", Map.of("MCP-Protocol-Version", "2026-07-28"), null)) {
      assertEquals(405, response.status());
    }
  }

  @Test
  void closingTheResponseStreamCancelsTheRequest() throws Exception {
    useFastKeepAlives();
    try (RawHttp response = post(call("wait"), "tools/call", "wait")) {
      assertTrue(fixture.waiting.await(Fixture.WAIT_SECONDS, TimeUnit.SECONDS));
      assertEquals(200, response.status());
      assertTrue(response.header("Content-Type").startsWith("text/event-stream"),
          "a long request turns into an SSE stream with keep-alives");
      assertEquals("no", response.header("X-Accel-Buffering"));
    }
    assertTrue(fixture.cancelled.await(Fixture.WAIT_SECONDS, TimeUnit.SECONDS), "ctx.onCancel fired");
  }

  @Test
  void subscriptionsListenStreamsNotificationsUntilTheClientLeaves() throws Exception {
    useFastKeepAlives();
    String listen = "{\"jsonrpc\":\"2.0\",\"id\":\"l-1\",\"method\":\"subscriptions/listen\",\"params\":{"
        + "\"notifications\":{\"toolsListChanged\":true}," + META + "}}";
    try (RawHttp response = post(listen, "subscriptions/listen", "")) {
      assertEquals(200, response.status());
      assertTrue(response.header("Content-Type").startsWith("text/event-stream"));
      JsonNode acknowledged = json(response.nextMessage().data());
      assertEquals("notifications/subscriptions/acknowledged", acknowledged.path("method").asText());
      fixture.server.addTool(Tool.named("new").description("New").build(), (args, ctx) -> CallToolResult.text(""));
      JsonNode changed = json(response.nextMessage().data());
      assertEquals("notifications/tools/list_changed", changed.path("method").asText());
      assertEquals("l-1",
          changed.path("params").path("_meta").path("io.modelcontextprotocol/subscriptionId").asText());
    }
    assertTrue(Eventually.holds(() -> fixture.server.sessions().isEmpty()), "the listen connection ended");
  }

  @Test
  void theServerClosingEndsAListenStreamWithItsResult() throws Exception {
    String listen = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"subscriptions/listen\",\"params\":{"
        + "\"notifications\":{\"toolsListChanged\":true}," + META + "}}";
    try (RawHttp response = post(listen, "subscriptions/listen", "")) {
      assertNotNull(response.nextMessage());
      // A round trip on the stream first: the engine drops the closing result if the server closes before the
      // handler thread has attached its completion (a race in mcp-protocol's Session, outside this transport).
      fixture.server.addTool(Tool.named("new").description("New").build(), (args, ctx) -> CallToolResult.text(""));
      assertNotNull(response.nextMessage());
      fixture.server.close();
      RawHttp.SseEvent last = null;
      for (RawHttp.SseEvent event; (event = response.nextMessage()) != null; ) {
        last = event;
      }
      assertNotNull(last, "the stream ends with the listen result");
      assertEquals(2, json(last.data()).path("id").asInt());
    }
  }
}
