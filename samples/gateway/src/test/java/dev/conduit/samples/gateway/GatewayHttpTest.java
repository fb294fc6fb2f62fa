package dev.conduit.samples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.samples.conformance.EverythingServer;
import dev.conduit.transport.http.StreamableHttpServer;
import dev.conduit.transport.http.client.SseClientTransport;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
import dev.conduit.transport.websocket.WebSocketClientTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Specifies the gateway's HTTP front door in front of a Streamable HTTP upstream (the conformance server): MCP over
 * Streamable HTTP in both eras, legacy HTTP+SSE and WebSocket on one port, health and Prometheus endpoints, and
 * browser origins refused.
 */
class GatewayHttpTest {

  private static McpServer upstreamServer;
  private static StreamableHttpServer upstream;
  private static Gateway gateway;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    upstreamServer = EverythingServer.create();
    upstream = StreamableHttpServer.builder(upstreamServer).port(0).start();
    gateway = Gateway.start(Options.parse("--upstream", upstream.url().toString(), "--port", "0"));
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    upstream.close();
    upstreamServer.close();
  }

  private static String echo(McpTransport transport, Era era) {
    try (McpClient client = McpClient.builder().transport(transport).era(era).connect()) {
      return ((TextContent) client.callTool("test_simple_text", Map.of()).content().get(0)).text();
    }
  }

  private static HttpResponse<String> get(String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.http().url(path)).GET();
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void streamableHttpServesBothEras(Era era) {
    String text = echo(StreamableHttpClientTransport.create(gateway.http().url("/mcp").toString()), era);
    assertTrue(text.contains("simple text"), text);
  }

  @Test
  void theLegacySseTransportIsServedAtSse() {
    String text = echo(SseClientTransport.create(gateway.http().url("/sse").toString()), Era.LEGACY);
    assertTrue(text.contains("simple text"), text);
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void webSocketIsServedAtWs(Era era) {
    String text = echo(WebSocketClientTransport.create(gateway.http().webSocketUrl().toString()), era);
    assertTrue(text.contains("simple text"), text);
  }

  @Test
  void healthSaysTheServerAndTheUpstreamAreUp() throws Exception {
    HttpResponse<String> health = get("/health", Map.of());
    assertEquals(200, health.statusCode());
    assertTrue(health.body().contains("\"upstream\":{\"status\":\"UP\""), health.body());
    assertEquals(200, get("/ready", Map.of()).statusCode());
    assertEquals(200, get("/healthz", Map.of()).statusCode());
  }

  @Test
  void prometheusScrapesTheRequestsServed() throws Exception {
    echo(StreamableHttpClientTransport.create(gateway.http().url("/mcp").toString()), Era.LEGACY);
    HttpResponse<String> metrics = get("/metrics", Map.of());
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("mcp_server_requests_seconds_count"), metrics.body());
  }

  @Test
  void aForeignBrowserOriginIsRefused() throws Exception {
    HttpRequest post = HttpRequest.newBuilder(gateway.http().url("/mcp"))
        .header("Origin", "http://evil.example")
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
        .build();
    assertEquals(403, HTTP.send(post, HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void theUrlsItPrintsAreWhereItServes() {
    URI mcp = gateway.http().url("/mcp");
    assertEquals("/mcp", mcp.getPath());
    assertTrue(gateway.http().webSocketUrl().toString().startsWith("ws://127.0.0.1:"));
  }
}
