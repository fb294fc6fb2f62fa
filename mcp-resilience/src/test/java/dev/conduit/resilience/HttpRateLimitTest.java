package dev.conduit.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.RetryHint;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.http.StreamableHttpServer;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's rate limit behind a real loopback Streamable HTTP server: HTTP 429, and an McpException for clients. */
class HttpRateLimitTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CALL =
      "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{}}}";

  private @Nullable StreamableHttpServer http;

  /** Starts a server allowing each caller three requests an hour (the handshake's initialize counts). */
  private String start(CallerIdentity identity) {
    RateLimiterRegistry limits = RateLimiterRegistry.of(RateLimiterConfig.custom()
        .limitForPeriod(3).limitRefreshPeriod(Duration.ofHours(1)).timeoutDuration(Duration.ZERO).build());
    McpServer server = McpResilience.server().callerIdentity(identity).rateLimiterRegistry(limits).build()
        .applyTo(McpServer.builder().tool(Tool.named("echo"), (args, ctx) -> CallToolResult.text("echo")))
        .build();
    StreamableHttpServer started =
        StreamableHttpServer.builder(server).host("127.0.0.1").port(0).path("/mcp").start();
    http = started;
    return "http://127.0.0.1:" + started.port() + "/mcp";
  }

  @AfterEach
  void stop() {
    if (http != null) {
      http.close();
    }
  }

  private static McpClient connect(String url, String apiKey) {
    StreamableHttpClientTransport transport =
        StreamableHttpClientTransport.builder(url).headers(() -> Map.of("X-Api-Key", apiKey)).build();
    return McpClient.builder().transport(transport).era(Era.LEGACY).connect();
  }

  @Test
  void aClientOverItsLimitGetsTheRateLimitedErrorWithRetryAfter() {
    String url = start(CallerIdentity.header("X-Api-Key"));
    try (McpClient alice = connect(url, "alice"); McpClient bob = connect(url, "bob")) {
      alice.callTool("echo", Map.of());
      alice.callTool("echo", Map.of());

      McpException limited = assertThrows(McpException.class, () -> alice.callTool("echo", Map.of()));

      assertEquals(ErrorCodes.RATE_LIMITED, limited.code());
      assertTrue(RetryHint.of(limited.data()).orElseThrow().retryAfter() != null);
      bob.callTool("echo", Map.of());
    }
  }

  @Test
  void theDefaultIdentityIsTheHttpSession() {
    String url = start(CallerIdentity.session());
    try (McpClient first = connect(url, "same-key"); McpClient second = connect(url, "same-key")) {
      first.callTool("echo", Map.of());
      first.callTool("echo", Map.of());
      McpException limited = assertThrows(McpException.class, () -> first.callTool("echo", Map.of()));
      assertEquals(ErrorCodes.RATE_LIMITED, limited.code());

      second.callTool("echo", Map.of());
      second.callTool("echo", Map.of());
    }
  }

  @Test
  void theFrontDoorAnswersARateLimitedPostWith429AndRetryAfter() throws Exception {
    String url = start(CallerIdentity.header("X-Api-Key"));
    HttpClient client = HttpClient.newHttpClient();
    String session = post(client, url, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
        + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}")
        .headers().firstValue("Mcp-Session-Id").orElseThrow();
    post(client, url, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    assertEquals(200, post(client, url, session, CALL.formatted(2)).statusCode());
    assertEquals(200, post(client, url, session, CALL.formatted(3)).statusCode());

    HttpResponse<String> limited = post(client, url, session, CALL.formatted(4));

    assertEquals(429, limited.statusCode());
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    JsonNode body = JSON.readTree(limited.body());
    assertEquals(4, body.path("id").asInt());
    assertEquals(ErrorCodes.RATE_LIMITED, body.path("error").path("code").asInt());
    long retryAfterMs = body.path("error").path("data").path("retryAfterMs").asLong();
    assertTrue(retryAfterMs > 0);
    assertEquals((retryAfterMs + 999) / 1000, retryAfter, "whole seconds, rounded up");
  }

  private static HttpResponse<String> post(HttpClient client, String url, @Nullable String session, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Accept", "application/json, text/event-stream")
        .header("Content-Type", "application/json")
        .header("X-Api-Key", "raw")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
