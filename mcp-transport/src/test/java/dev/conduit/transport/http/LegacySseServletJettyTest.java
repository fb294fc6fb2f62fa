package dev.conduit.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.transport.http.client.SseClientTransport;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link LegacySseServlet} mounted in embedded Jetty 12 (ee10), spoken to by our HTTP+SSE client. */
class LegacySseServletJettyTest {

  private Fixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new Fixture(Fixture.jetty("/app", "/sse", LegacySseServlet::new));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private String sseUrl() {
    return "http://127.0.0.1:" + fixture.port() + "/app/sse";
  }

  @Test
  void anSseClientInitializesAndCallsATool() {
    try (McpClient client =
        McpClient.builder().transport(SseClientTransport.create(sseUrl())).era(Era.LEGACY).connect()) {
      CallToolResult result = client.callTool("echo", Map.of());

      assertEquals("echo", ((TextContent) result.content().get(0)).text());
      assertEquals(ProtocolVersion.V2025_11_25, client.protocolVersion());
    }
  }

  @Test
  void theEndpointEventNamesTheServletsOwnPathUnderItsContext() throws Exception {
    SseClientTransport transport = SseClientTransport.create(sseUrl());
    try (McpClient client = McpClient.connect(transport)) {
      String endpoint = transport.endpoint();

      assertTrue(endpoint != null && endpoint.startsWith(sseUrl() + "?sessionId="), endpoint);
      assertFalse(client.listAllTools().isEmpty());
    }
  }

  @Test
  void anElicitationRequestOfALegacySessionReachesTheClientOverTheStream() {
    try (McpClient client = McpClient.builder().transport(SseClientTransport.create(sseUrl())).era(Era.LEGACY)
        .elicitation(request -> ElicitResult.accept(JsonNodeFactory.instance.objectNode().put("name", "Ada")))
        .connect()) {
      CallToolResult result = client.callTool("ask", Map.of());

      assertEquals("Hello Ada", ((TextContent) result.content().get(0)).text());
    }
  }

  @Test
  void aMethodOtherThanGetOrPostGets405() throws IOException {
    try (RawHttp response = fixture.request("DELETE", "/app/sse", Map.of(), null)) {
      assertEquals(405, response.status());
      assertEquals("GET, POST", response.header("Allow"));
    }
  }

  @Test
  void aForeignOriginIsRefused() throws IOException {
    try (RawHttp response = fixture.request("GET", "/app/sse",
        Map.of("Accept", "text/event-stream", "Origin", "http://evil.example.com"), null)) {
      assertEquals(403, response.status());
    }
  }
}
