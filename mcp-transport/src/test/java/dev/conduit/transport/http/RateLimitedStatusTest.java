package dev.conduit.transport.http;

import static dev.conduit.transport.http.Fixture.INITIALIZE;
import static dev.conduit.transport.http.Fixture.INITIALIZED;
import static dev.conduit.transport.http.Fixture.json;
import static dev.conduit.transport.http.Fixture.postHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.RetryHint;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A rate-limited JSON-RPC error answered as plain JSON becomes HTTP 429 with Retry-After; its body stays. */
class RateLimitedStatusTest {

  private StreamableHttpServer http;

  @BeforeEach
  void start() {
    McpServer server = McpServer.builder()
        .info("rate-limited", "1.0")
        .tool(Tool.named("limited"), (args, ctx) -> CallToolResult.text("never"))
        .tool(Tool.named("limited-no-hint"), (args, ctx) -> CallToolResult.text("never"))
        .tool(Tool.named("echo"), (args, ctx) -> CallToolResult.text("echo"))
        .interceptor(chain -> switch (String.valueOf(chain.request().target())) {
          case "limited" -> CompletableFuture.failedFuture(new McpException(ErrorCodes.RATE_LIMITED,
              "Rate limited", RetryHint.after(Duration.ofMillis(1200)).toData()));
          case "limited-no-hint" -> CompletableFuture.failedFuture(
              new McpException(ErrorCodes.RATE_LIMITED, "Rate limited", RetryHint.retryable().toData()));
          default -> chain.proceed(chain.request());
        })
        .build();
    http = StreamableHttpServer.builder(server).host("127.0.0.1").port(0).path("/mcp").start();
  }

  @AfterEach
  void stop() {
    http.close();
  }

  private RawHttp post(String body, String... headers) throws IOException {
    return RawHttp.open("127.0.0.1", http.port(), "POST", "/mcp", postHeaders(headers), body);
  }

  private String initialize() throws IOException {
    String session;
    try (RawHttp response = post(INITIALIZE)) {
      session = response.header("Mcp-Session-Id");
      response.body();
    }
    try (RawHttp response = post(INITIALIZED, "Mcp-Session-Id", session)) {
      assertEquals(202, response.status());
    }
    return session;
  }

  @Test
  void aRateLimitedCallInASessionGets429WithRetryAfterInWholeSecondsRoundedUp() throws IOException {
    String session = initialize();
    try (RawHttp response = post(Fixture.call(2, "limited"), "Mcp-Session-Id", session)) {
      assertEquals(429, response.status());
      assertEquals("2", response.header("Retry-After"));
      assertEquals(session, response.header("Mcp-Session-Id"));
      JsonNode body = json(response.body());
      assertEquals(2, body.path("id").asInt());
      assertEquals(ErrorCodes.RATE_LIMITED, body.path("error").path("code").asInt());
      assertEquals(1200, body.path("error").path("data").path("retryAfterMs").asLong());
      assertEquals(true, body.path("error").path("data").path("retryable").asBoolean());
    }
  }

  @Test
  void aRateLimitedModernCallGets429() throws IOException {
    String call = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"limited\","
        + "\"arguments\":{},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
        + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
    try (RawHttp response = post(call, "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call",
        "Mcp-Name", "limited")) {
      assertEquals(429, response.status());
      assertEquals("2", response.header("Retry-After"));
      assertEquals(ErrorCodes.RATE_LIMITED, json(response.body()).path("error").path("code").asInt());
    }
  }

  @Test
  void aRateLimitedErrorThatDoesNotSayWhenGets429WithoutRetryAfter() throws IOException {
    String session = initialize();
    try (RawHttp response = post(Fixture.call(3, "limited-no-hint"), "Mcp-Session-Id", session)) {
      assertEquals(429, response.status());
      assertNull(response.header("Retry-After"));
      assertEquals(ErrorCodes.RATE_LIMITED, json(response.body()).path("error").path("code").asInt());
    }
  }

  @Test
  void otherCallsStillGet200() throws IOException {
    String session = initialize();
    try (RawHttp response = post(Fixture.call(4, "echo"), "Mcp-Session-Id", session)) {
      assertEquals(200, response.status());
      assertNull(response.header("Retry-After"));
    }
  }
}
