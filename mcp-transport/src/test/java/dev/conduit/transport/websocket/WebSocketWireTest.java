package dev.conduit.transport.websocket;

import static dev.conduit.transport.websocket.ToolServer.WAIT_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.transport.Eventually;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the server's endpoint answers on the wire, seen by a plain OkHttp WebSocket. */
class WebSocketWireTest {

  private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";
  private static final int LIMIT = 4 * 1024;

  private ToolServer tools;

  private ToolServer start(WebSocketOptions options) throws Exception {
    tools = new ToolServer(options);
    return tools;
  }

  @AfterEach
  void stop() throws Exception {
    if (tools != null) {
      tools.close();
    }
  }

  private static void assertError(JsonNode answer, int code) {
    assertEquals(code, answer.path("error").path("code").asInt(), answer.toString());
    assertTrue(answer.path("id").isNull(), answer.toString());
  }

  private static void assertPingAnswered(OkHttpPeer peer) throws Exception {
    peer.send(PING);
    JsonNode answer = peer.next();
    assertEquals(7, answer.path("id").asInt(), answer.toString());
    assertTrue(answer.has("result"), answer.toString());
  }

  @Test
  void badJsonIsAnsweredWithAParseErrorAndTheConnectionGoesOn() throws Exception {
    start(WebSocketOptions.defaults());
    try (OkHttpPeer peer = OkHttpPeer.mcp(tools.url())) {
      peer.send("{\"jsonrpc\":\"2.0\",\"id\":");

      assertError(peer.next(), -32700);
      assertPingAnswered(peer);
    }
  }

  @Test
  void aRequestWithARepeatedMemberNameIsRefusedAndTheConnectionGoesOn() throws Exception {
    start(WebSocketOptions.defaults());
    try (OkHttpPeer peer = OkHttpPeer.mcp(tools.url())) {
      peer.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\","
          + "\"params\":{\"name\":\"safe\",\"name\":\"rm_rf\"}}");

      JsonNode answer = peer.next();
      assertEquals(7, answer.path("id").asInt(), answer.toString());
      assertEquals(-32600, answer.path("error").path("code").asInt(), answer.toString());
      assertTrue(answer.path("error").path("message").asText().contains("duplicate member"), answer.toString());
      assertPingAnswered(peer);
    }
  }

  @Test
  void aMessageOverTheLimitIsAnsweredWithInvalidRequestAndTheConnectionGoesOn() throws Exception {
    start(WebSocketOptions.builder().maxMessageBytes(LIMIT).build());
    try (OkHttpPeer peer = OkHttpPeer.mcp(tools.url())) {
      peer.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(200_000) + "\"}}");

      JsonNode answer = peer.next();
      assertError(answer, -32600);
      assertTrue(answer.path("error").path("message").asText().contains("too large"), answer.toString());
      assertPingAnswered(peer);
    }
  }

  @Test
  void aMessageLargerThanTheContainersOwnBufferIsServedWhole() throws Exception {
    start(WebSocketOptions.defaults());
    try (OkHttpPeer peer = OkHttpPeer.mcp(tools.url())) {
      peer.initialize();
      String message = "é".repeat(300_000);
      peer.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
          + "\"arguments\":{\"message\":\"" + message + "\"}}}");

      JsonNode answer = peer.next();
      assertEquals(message, answer.path("result").path("content").path(0).path("text").asText());
    }
  }

  @Test
  void aBinaryMessageIsAnsweredWithInvalidRequestAndTheConnectionGoesOn() throws Exception {
    start(WebSocketOptions.defaults());
    try (OkHttpPeer peer = OkHttpPeer.mcp(tools.url())) {
      peer.sendBinary(PING.getBytes(java.nio.charset.StandardCharsets.UTF_8));

      JsonNode answer = peer.next();
      assertError(answer, -32600);
      assertTrue(answer.path("error").path("message").asText().contains("binary"), answer.toString());
      assertPingAnswered(peer);
    }
  }

  @Test
  void aHandshakeFromADisallowedOriginIsRefusedWith403() throws Exception {
    start(WebSocketOptions.defaults());
    try (OkHttpPeer peer = new OkHttpPeer(tools.url(), "Origin", "http://evil.example.com")) {
      Response refusal = peer.failed.get(WAIT_SECONDS, TimeUnit.SECONDS);

      assertEquals(403, refusal.code());
      assertTrue(tools.server.sessions().isEmpty());
    }
  }

  @Test
  void aHandshakeFromALoopbackOrAnAllowedOriginIsServed() throws Exception {
    start(WebSocketOptions.builder().allowedOrigins("https://app.example.com").build());
    try (OkHttpPeer local = new OkHttpPeer(tools.url(), "Origin", "http://localhost:6274");
        OkHttpPeer allowed = new OkHttpPeer(tools.url(), "Origin", "https://app.example.com")) {
      local.opened.get(WAIT_SECONDS, TimeUnit.SECONDS);
      allowed.opened.get(WAIT_SECONDS, TimeUnit.SECONDS);

      assertPingAnswered(local);
      assertPingAnswered(allowed);
    }
  }

  @Test
  void originsAreNotCheckedWhenProtectionIsOff() throws Exception {
    start(WebSocketOptions.builder()
        .dnsRebindingProtection(dev.conduit.transport.http.StreamableHttpOptions.DnsRebindingProtection.OFF).build());
    try (OkHttpPeer peer = new OkHttpPeer(tools.url(), "Origin", "http://evil.example.com")) {
      peer.opened.get(WAIT_SECONDS, TimeUnit.SECONDS);

      assertPingAnswered(peer);
    }
  }

  @Test
  void closingTheServersEndOfAConnectionSendsANormalClose() throws Exception {
    start(WebSocketOptions.defaults());
    try (OkHttpPeer peer = OkHttpPeer.mcp(tools.url())) {
      peer.initialize();
      assertTrue(Eventually.holds(() -> tools.server.sessions().size() == 1));

      tools.server.sessions().get(0).close();

      assertEquals(1000, peer.closed.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }
  }

  @Test
  void theMcpServerShuttingDownClosesItsConnectionsAsGoingAway() throws Exception {
    start(WebSocketOptions.defaults());
    try (OkHttpPeer peer = OkHttpPeer.mcp(tools.url())) {
      peer.initialize();

      tools.server.close();

      assertEquals(1001, peer.closed.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }
  }

  @Test
  void theMcpSubprotocolIsChosenWhenOffered() throws Exception {
    start(WebSocketOptions.defaults());
    try (OkHttpPeer peer = new OkHttpPeer(tools.url(), "Sec-WebSocket-Protocol", "other, mcp")) {
      Response handshake = peer.opened.get(WAIT_SECONDS, TimeUnit.SECONDS);

      assertEquals("mcp", handshake.header("Sec-WebSocket-Protocol"));
    }
  }

  @Test
  void aClientThatOffersNoSubprotocolIsServed() throws Exception {
    start(WebSocketOptions.defaults());
    try (OkHttpPeer peer = new OkHttpPeer(tools.url())) {
      Response handshake = peer.opened.get(WAIT_SECONDS, TimeUnit.SECONDS);

      assertNull(handshake.header("Sec-WebSocket-Protocol"));
      assertPingAnswered(peer);
    }
  }

  @Test
  void aClientThatOffersOnlyOtherSubprotocolsIsClosedWithProtocolError() throws Exception {
    start(WebSocketOptions.defaults());
    try (OkHttpPeer peer = new OkHttpPeer(tools.url(), "Sec-WebSocket-Protocol", "graphql-ws")) {
      assertEquals(1002, peer.closed.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }
  }
}
