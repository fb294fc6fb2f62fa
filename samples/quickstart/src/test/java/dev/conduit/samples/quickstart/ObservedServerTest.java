package dev.conduit.samples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservedServerTest {

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void rendersAToolCallInThePrometheusScrape() throws Exception {
    try (ObservedServer server = ObservedServer.start("127.0.0.1", 0)) {
      try (McpClient client = McpClient.connect(StreamableHttpClientTransport.create(server.mcpUrl().toString()))) {
        var result = client.callTool("echo", Map.of("message", "scraped"));
        assertEquals("scraped", ((TextContent) result.content().get(0)).text());
      }
      HttpResponse<String> scrape = get(server.url("/metrics"));
      assertEquals(200, scrape.statusCode());
      assertTrue(scrape.body().lines().anyMatch(line -> line.startsWith("mcp_server_requests_seconds_count{")
              && line.contains("method=\"tools/call\"") && line.contains("target=\"echo\"")
              && line.contains("outcome=\"success\"") && line.endsWith(" 1")),
          scrape.body());
      assertTrue(scrape.body().contains("mcp_server_sessions_active"), scrape.body());
    }
  }

  @Test
  void servesHealthLivenessAndReadiness() throws Exception {
    try (ObservedServer server = ObservedServer.start("127.0.0.1", 0)) {
      HttpResponse<String> health = get(server.url("/health"));
      assertEquals(200, health.statusCode());
      assertTrue(health.body().startsWith("{\"status\":\"UP\",\"details\":{\"mcp\":"), health.body());
      assertEquals("{\"status\":\"UP\",\"details\":{}}", get(server.url("/healthz")).body());
      assertEquals(200, get(server.url("/ready")).statusCode());
    }
  }
}
