package dev.conduit.transport.http;

import static dev.conduit.transport.http.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The legacy HTTP+SSE transport (2024-11-05), mounted beside the Streamable HTTP endpoint. */
class LegacySseTest {

  private static final String INITIALIZE_2024 =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\","
          + "\"capabilities\":{},\"clientInfo\":{\"name\":\"old\",\"version\":\"1\"}}}";

  private Fixture fixture;

  @BeforeEach
  void start() {
    fixture = new Fixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  /** Posts {@code body} to the session's endpoint; it must be accepted (202), the answer coming on the stream. */
  private void accepted(String endpoint, String body) throws IOException {
    try (RawHttp posted = fixture.request("POST", endpoint, JSON, body)) {
      assertEquals(202, posted.status());
    }
  }

  private RawHttp openSse() throws IOException {
    return fixture.request("GET", "/sse", Map.of("Accept", "text/event-stream"), null);
  }

  @Test
  void theSseStreamStartsWithAnEndpointEvent() throws IOException {
    try (RawHttp sse = openSse()) {
      assertEquals(200, sse.status());
      assertTrue(sse.header("Content-Type").startsWith("text/event-stream"));
      RawHttp.SseEvent endpoint = sse.nextEvent();
      assertEquals("endpoint", endpoint.event());
      assertTrue(endpoint.data().startsWith("/message?sessionId="), endpoint.data());
    }
  }

  @Test
  void postsGet202AcceptedAndRepliesArriveOnTheStream() throws IOException {
    try (RawHttp sse = openSse()) {
      String endpoint = sse.nextEvent().data();
      Map<String, String> headers = Map.of("Content-Type", "application/json");
      try (RawHttp posted = fixture.request("POST", endpoint, headers, INITIALIZE_2024)) {
        assertEquals(202, posted.status());
        assertEquals("Accepted", posted.body());
      }
      RawHttp.SseEvent reply = sse.nextEvent();
      assertEquals("message", reply.event());
      assertEquals("2024-11-05", json(reply.data()).path("result").path("protocolVersion").asText());
      accepted(endpoint, Fixture.INITIALIZED);
      accepted(endpoint, Fixture.call(2, "echo"));
      JsonNode result = json(sse.nextEvent().data());
      assertEquals(2, result.path("id").asInt());
      assertEquals("echo", result.path("result").path("content").path(0).path("text").asText());
    }
  }

  @Test
  void aPostNamingItsToolTwiceGets400AndTheStreamGoesOn() throws IOException {
    try (RawHttp sse = openSse()) {
      String endpoint = sse.nextEvent().data();
      accepted(endpoint, INITIALIZE_2024);
      sse.nextEvent();
      accepted(endpoint, Fixture.INITIALIZED);
      try (RawHttp posted = fixture.request("POST", endpoint, JSON, Fixture.callNamingTwoTools(2, "name", ""))) {
        Fixture.assertRefusedAsAmbiguous(posted, 2);
      }
      accepted(endpoint, Fixture.call(3, "echo"));
      assertEquals(3, json(sse.nextEvent().data()).path("id").asInt());
    }
  }

  @Test
  void aPostToAnUnknownSessionGets404() throws IOException {
    try (RawHttp posted = fixture.request("POST", "/message?sessionId=nope",
        Map.of("Content-Type", "application/json"), Fixture.INITIALIZED)) {
      assertEquals(404, posted.status());
    }
  }
}
