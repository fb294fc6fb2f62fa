package dev.conduit.transport.http;

import static dev.conduit.transport.http.Fixture.INITIALIZE;
import static dev.conduit.transport.http.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each row of the status table of the reference server (spec notes 2.2), against our legacy endpoint. */
class StatusTableTest {

  private Fixture fixture;

  @BeforeEach
  void start() {
    fixture = new Fixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static JsonNode error(RawHttp response) throws IOException {
    JsonNode body = json(response.body());
    assertEquals("2.0", body.path("jsonrpc").asText());
    assertNotNull(body.get("error"), body.toString());
    return body;
  }

  @Test
  void initializeAnswersJsonWithASessionId() throws IOException {
    try (RawHttp response = fixture.post(INITIALIZE)) {
      assertEquals(200, response.status());
      assertTrue(response.header("Content-Type").startsWith("application/json"));
      String session = response.header("Mcp-Session-Id");
      assertNotNull(session);
      assertTrue(session.length() >= 22 && session.chars().allMatch(c -> c >= 0x21 && c <= 0x7E), session);
      JsonNode body = json(response.body());
      assertEquals("2025-11-25", body.path("result").path("protocolVersion").asText());
    }
  }

  @Test
  void notificationGets202WithNoBody() throws IOException {
    String session = fixture.initialize();
    try (RawHttp response = fixture.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\"}",
        "Mcp-Session-Id", session)) {
      assertEquals(202, response.status());
      assertEquals("", response.body());
    }
  }

  @Test
  void acceptWithoutEventStreamGets406() throws IOException {
    try (RawHttp response = fixture.post(INITIALIZE, "Accept", "application/json")) {
      assertEquals(406, response.status());
      assertEquals(-32000, error(response).path("error").path("code").asInt());
    }
  }

  @Test
  void contentTypeOtherThanJsonGets415() throws IOException {
    try (RawHttp response = fixture.post(INITIALIZE, "Content-Type", "text/plain")) {
      assertEquals(415, response.status());
      assertEquals(-32000, error(response).path("error").path("code").asInt());
    }
  }

  @Test
  void invalidJsonGets400ParseErrorWithNullId() throws IOException {
    try (RawHttp response = fixture.post("{not json")) {
      assertEquals(400, response.status());
      JsonNode body = error(response);
      assertEquals(-32700, body.path("error").path("code").asInt());
      assertTrue(body.has("id") && body.get("id").isNull(), body.toString());
    }
  }

  @Test
  void aToolNamedTwiceGets400InvalidRequestWithItsIdAndTheSessionGoesOn() throws IOException {
    String session = fixture.initialize();
    try (RawHttp response = fixture.post(Fixture.callNamingTwoTools(2, "\\u006eame", ""), "Mcp-Session-Id", session)) {
      Fixture.assertRefusedAsAmbiguous(response, 2);
    }
    try (RawHttp response = fixture.post(Fixture.call(3, "echo"), "Mcp-Session-Id", session)) {
      assertEquals(200, response.status());
    }
  }

  @Test
  void unknownSessionGets404() throws IOException {
    try (RawHttp response = fixture.post(Fixture.call(2, "echo"), "Mcp-Session-Id", "no-such-session")) {
      assertEquals(404, response.status());
      assertEquals(-32001, error(response).path("error").path("code").asInt());
    }
  }

  @Test
  void missingSessionOnANonInitializeRequestGets400() throws IOException {
    fixture.initialize();
    try (RawHttp response = fixture.post(Fixture.call(2, "echo"))) {
      assertEquals(400, response.status());
      assertTrue(error(response).path("error").path("message").asText().contains("Mcp-Session-Id"));
    }
  }

  @Test
  void unsupportedMethodGets405WithAllow() throws IOException {
    try (RawHttp response = fixture.request("PUT", "/mcp", Map.of(), "")) {
      assertEquals(405, response.status());
      assertEquals("GET, POST, DELETE", response.header("Allow"));
    }
  }

  @Test
  void secondGetStreamInASessionGets409() throws IOException {
    String session = fixture.initialize();
    Map<String, String> headers = Map.of("Accept", "text/event-stream", "Mcp-Session-Id", session);
    try (RawHttp first = fixture.request("GET", "/mcp", headers, null)) {
      assertEquals(200, first.status());
      assertNotNull(first.nextEvent()); // the priming event: the stream is attached
      try (RawHttp second = fixture.request("GET", "/mcp", headers, null)) {
        assertEquals(409, second.status());
        assertEquals(-32000, error(second).path("error").path("code").asInt());
      }
    }
  }

  @Test
  void getWithoutEventStreamAcceptGets406() throws IOException {
    String session = fixture.initialize();
    try (RawHttp response = fixture.request("GET", "/mcp",
        Map.of("Accept", "application/json", "Mcp-Session-Id", session), null)) {
      assertEquals(406, response.status());
    }
  }

  @Test
  void unsupportedProtocolVersionGets400() throws IOException {
    String session = fixture.initialize();
    try (RawHttp response = fixture.post(Fixture.call(2, "echo"), "Mcp-Session-Id", session,
        "MCP-Protocol-Version", "1999-01-01")) {
      assertEquals(400, response.status());
      JsonNode body = error(response);
      assertTrue(body.path("error").path("message").asText().contains("Unsupported protocol version"));
    }
  }

  @Test
  void anySupportedProtocolVersionIsAcceptedOnAnySession() throws IOException {
    String session = fixture.initialize();
    try (RawHttp response = fixture.post(Fixture.call(2, "echo"), "Mcp-Session-Id", session,
        "MCP-Protocol-Version", "2025-03-26")) {
      assertEquals(200, response.status());
      assertEquals("echo", json(response.body()).path("result").path("content").path(0).path("text").asText());
    }
  }

  @Test
  void secondInitializeOnASessionGets400InvalidRequest() throws IOException {
    String session = fixture.initialize();
    try (RawHttp response = fixture.post(INITIALIZE, "Mcp-Session-Id", session)) {
      assertEquals(400, response.status());
      assertEquals(-32600, error(response).path("error").path("code").asInt());
    }
  }

  @Test
  void unknownMethodIsAJsonRpcErrorNotAnHttpError() throws IOException {
    String session = fixture.initialize();
    try (RawHttp response = fixture.post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"no/such\"}",
        "Mcp-Session-Id", session)) {
      assertEquals(200, response.status());
      assertEquals(-32601, error(response).path("error").path("code").asInt());
    }
  }

  @Test
  void pathsBesideTheEndpointGet404() throws IOException {
    try (RawHttp response = fixture.request("POST", "/mcp/other", Fixture.postHeaders(), INITIALIZE)) {
      assertEquals(404, response.status());
    }
  }
}
