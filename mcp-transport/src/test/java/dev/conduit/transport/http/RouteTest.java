package dev.conduit.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conduit.protocol.server.McpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Extra HTTP handlers mounted beside the MCP endpoint. */
class RouteTest {

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesARouteBesideTheMcpEndpoint() throws Exception {
    try (McpServer server = McpServer.builder().build();
        StreamableHttpServer http = StreamableHttpServer.builder(server).port(0)
            .route("/health", exchange -> {
              byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            })
            .start()) {
      HttpResponse<String> response = get(http.url().resolve("/health"));
      assertEquals(200, response.statusCode());
      assertEquals("{\"status\":\"UP\"}", response.body());
      assertEquals(404, get(http.url().resolve("/health/more")).statusCode());
    }
  }

  @Test
  void refusesARouteOnTheMcpEndpointsPath() {
    try (McpServer server = McpServer.builder().build()) {
      StreamableHttpServer.Builder builder = StreamableHttpServer.builder(server).port(0)
          .route("/mcp", exchange -> exchange.close());
      assertThrows(IllegalArgumentException.class, builder::start);
    }
  }
}
