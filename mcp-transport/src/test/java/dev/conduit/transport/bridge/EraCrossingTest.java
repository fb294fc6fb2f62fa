package dev.conduit.transport.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.transport.InMemoryTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Specifies that a bridge carries a request for input across the two protocol eras, one elicitation round trip each
 * way, without ever making the upstream call twice: a 2026-07-28 client's call to a legacy upstream is held open
 * across the client's input round (the upstream sees one {@code tools/call}); a legacy client's call to a 2026-07-28
 * upstream is retried with the upstream's own {@code requestState} after the client answered a real request. Between
 * peers of the same era the bridge relays the era's own mechanism.
 */
class EraCrossingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ProtocolVersion[] LEGACY = {ProtocolVersion.V2025_11_25};
  private static final ProtocolVersion[] MODERN = {ProtocolVersion.V2026_07_28};

  private final List<JsonNode> downstreamWire = new CopyOnWriteArrayList<>();
  private final AtomicInteger elicitations = new AtomicInteger();
  private Origin origin = new Origin();
  private McpBridge bridge;

  @AfterEach
  void stop() {
    if (bridge != null) {
      bridge.close();
    }
    origin.server.close();
  }

  private McpClient.Builder downstream(Era era, ProtocolVersion... upstream) {
    origin = new Origin(upstream);
    bridge = McpBridge.start(origin.upstream());
    InMemoryTransport.Pair pair = InMemoryTransport.builder().wireTap((fromClient, frame) -> {
      try {
        downstreamWire.add(JSON.readTree(frame));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).build();
    bridge.server().connect(pair.server());
    return McpClient.builder().transport(pair.client()).era(era);
  }

  private McpClient answering(Era era, ProtocolVersion... upstream) {
    return downstream(era, upstream).elicitation(request -> {
      elicitations.incrementAndGet();
      return ElicitResult.accept(JSON.createObjectNode().put("name", "Ada"));
    }).connect();
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  private long downstreamInputRequired() {
    return downstreamWire.stream()
        .filter(frame -> "input_required".equals(frame.path("result").path("resultType").asText())).count();
  }

  private long downstreamElicitationRequests() {
    return downstreamWire.stream().filter(frame -> "elicitation/create".equals(frame.path("method").asText())).count();
  }

  @Test
  void aModernClientAnswersALegacyUpstreamsElicitationInOneRoundOfOneUpstreamCall() {
    try (McpClient client = answering(Era.MODERN, LEGACY)) {
      assertEquals("Hello, Ada", text(client.callTool("ask", null)));
    }
    assertEquals(List.of("ask"), origin.calls, "the upstream call was made once");
    assertEquals(1, origin.asks.get());
    assertEquals(1, downstreamInputRequired(), "the client got one input_required round");
    assertEquals(0, downstreamElicitationRequests());
    assertEquals(1, elicitations.get());
  }

  @Test
  void aLegacyClientAnswersAModernUpstreamsInputRequiredWithARealRequest() {
    try (McpClient client = answering(Era.LEGACY, MODERN)) {
      assertEquals("Hello, Ada", text(client.callTool("ask", null)));
    }
    assertEquals(List.of("ask", "ask+state"), origin.calls,
        "the upstream call was continued with its requestState, not made again");
    assertEquals(1, downstreamElicitationRequests(), "the client got one real elicitation request");
    assertEquals(0, downstreamInputRequired());
    assertEquals(1, elicitations.get());
  }

  @Test
  void betweenModernPeersTheUpstreamsInputRequiredPassesThrough() {
    try (McpClient client = answering(Era.MODERN, MODERN)) {
      assertEquals("Hello, Ada", text(client.callTool("ask", null)));
    }
    assertEquals(List.of("ask", "ask+state"), origin.calls);
    JsonNode round = downstreamWire.stream()
        .filter(frame -> "input_required".equals(frame.path("result").path("resultType").asText()))
        .findFirst().orElseThrow().path("result");
    assertTrue(round.path("inputRequests").has("elicitation-1"), "the upstream's own keys: " + round);
  }

  @Test
  void betweenLegacyPeersTheUpstreamsRequestIsRelayed() {
    try (McpClient client = answering(Era.LEGACY, LEGACY)) {
      assertEquals("Hello, Ada", text(client.callTool("ask", null)));
    }
    assertEquals(List.of("ask"), origin.calls);
    assertEquals(1, downstreamElicitationRequests());
  }

  @Test
  void aModernClientThatCannotElicitGetsMissingCapabilityFromALegacyUpstream() {
    try (McpClient client = downstream(Era.MODERN, LEGACY).connect()) {
      McpException error = assertThrows(McpException.class, () -> client.callTool("ask", null));
      assertEquals(-32021, error.code());
    }
    assertFalse(origin.calls.isEmpty());
  }

  @Test
  void aLegacyClientThatCannotElicitIsNotAskedByAModernUpstream() {
    try (McpClient client = downstream(Era.LEGACY, MODERN).connect()) {
      McpException error = assertThrows(McpException.class, () -> client.callTool("ask", null));
      assertEquals(-32021, error.code());
    }
    assertEquals(0, downstreamElicitationRequests());
  }
}
