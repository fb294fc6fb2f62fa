package dev.conduit.transport.http;

import static dev.conduit.transport.http.Fixture.INITIALIZE;
import static dev.conduit.transport.http.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DNS rebinding protection, the body size limit, and error bodies that reveal nothing. */
class SecurityTest {

  private Fixture fixture;

  @BeforeEach
  void start() {
    fixture = new Fixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aForeignHostAndOriginAreRefusedWith403() throws IOException {
    try (RawHttp response = fixture.post(INITIALIZE, "Host", "evil.example.com",
        "Origin", "http://evil.example.com")) {
      assertEquals(403, response.status());
      assertEquals(-32000, json(response.body()).path("error").path("code").asInt());
    }
  }

  @Test
  void aForeignOriginOnALocalHostIsRefused() throws IOException {
    try (RawHttp response = fixture.post(INITIALIZE, "Origin", "http://evil.example.com")) {
      assertEquals(403, response.status());
    }
  }

  @Test
  void localhostWithAnyPortIsAllowed() throws IOException {
    String local = "localhost:" + fixture.port();
    try (RawHttp response = fixture.post(INITIALIZE, "Host", local, "Origin", "http://" + local)) {
      assertEquals(200, response.status());
    }
    try (RawHttp response = fixture.post(INITIALIZE, "Host", "[::1]:1", "Origin", "http://127.0.0.1:9")) {
      assertEquals(200, response.status());
    }
  }

  @Test
  void configuredHostsAndOriginsAreAllowed() throws IOException {
    StreamableHttpOptions options = StreamableHttpOptions.builder()
        .allowedHosts("mcp.example.com").allowedOrigins("https://app.example.com").build();
    try (Fixture custom = new Fixture(options)) {
      try (RawHttp response = custom.post(INITIALIZE, "Host", "mcp.example.com:443",
          "Origin", "https://app.example.com")) {
        assertEquals(200, response.status());
      }
    }
  }

  @Test
  void protectionCanBeTurnedOff() throws IOException {
    StreamableHttpOptions options = StreamableHttpOptions.builder()
        .dnsRebindingProtection(StreamableHttpOptions.DnsRebindingProtection.OFF).build();
    try (Fixture custom = new Fixture(options)) {
      try (RawHttp response = custom.post(INITIALIZE, "Host", "evil.example.com")) {
        assertEquals(200, response.status());
      }
    }
  }

  @Test
  void aBodyOverTheLimitGets413() throws IOException {
    try (Fixture small = new Fixture(StreamableHttpOptions.builder().maxBodyBytes(1024).build())) {
      String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(4096)
          + "\"}}";
      try (RawHttp response = small.post(big)) {
        assertEquals(413, response.status());
        assertEquals(-32000, json(response.body()).path("error").path("code").asInt());
      }
    }
  }

  @Test
  void noErrorBodyCarriesAStackTraceOrAClassName() throws IOException {
    String session = fixture.initialize();
    List<String> bodies = new ArrayList<>();
    try (RawHttp r = fixture.post("{not json")) {
      bodies.add(r.body());
    }
    try (RawHttp r = fixture.post("[1,2]")) {
      bodies.add(r.body());
    }
    try (RawHttp r = fixture.post("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"x\"}")) {
      bodies.add(r.body());
    }
    try (RawHttp r = fixture.post(Fixture.call(2, "echo"), "Mcp-Session-Id", "bogus")) {
      bodies.add(r.body());
    }
    try (RawHttp r = fixture.post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":1}}",
        "Mcp-Session-Id", session)) {
      bodies.add(r.body());
    }
    try (RawHttp r = fixture.post(INITIALIZE, "Host", "evil.example.com")) {
      bodies.add(r.body());
    }
    try (RawHttp r = fixture.request("GET", "/mcp", Map.of("Accept", "text/event-stream"), null)) {
      bodies.add(r.body());
    }
    for (String body : bodies) {
      assertTrue(json(body).has("error"), body);
      assertFalse(body.contains("Exception"), body);
      assertFalse(body.contains("\tat ") || body.contains(".java:"), body);
      assertFalse(body.matches("(?s).*\\b(java|dev\\.conduit|com\\.fasterxml)\\.[a-z]+.*"), body);
    }
  }
}
