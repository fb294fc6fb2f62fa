package dev.conduit.samples.awx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server over Streamable HTTP in this JVM, in demo mode, as {@code --demo --http --port 0} assembles it. */
class HttpModeTest {

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private Demo demo;
  private HttpMode http;

  @BeforeEach
  void start() {
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    Options options = Options.parse("--demo", "--http", "--port", "0");
    demo = Demo.start(out);
    http = HttpMode.start(AwxServer.builder(options, demo.environments()), options);
    http.describe(out);
  }

  @AfterEach
  void stop() {
    http.close();
    demo.close();
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private McpClient connect(Map<String, String> headers) {
    return McpClient.connect(StreamableHttpClientTransport.builder(http.mcpUrl().toString())
        .headers(() -> headers)
        .build());
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  @Test
  void servesHealthLivenessAndReadiness() throws Exception {
    HttpResponse<String> health = get(http.url("/health"));
    assertEquals(200, health.statusCode());
    assertTrue(health.body().startsWith("{\"status\":\"UP\",\"details\":{\"mcp\":"), health.body());
    assertEquals(200, get(http.url("/healthz")).statusCode());
    assertEquals(200, get(http.url("/ready")).statusCode());
  }

  @Test
  void answersAToolCallAndCountsItInThePrometheusScrape() throws Exception {
    try (McpClient client = connect(Map.of())) {
      CallToolResult result = client.callTool("job_templates_list", Map.of());
      assertNotEquals(Boolean.TRUE, result.isError(), result::toString);
      assertTrue(Objects.requireNonNull(result.structuredContent()).path("count").asInt() >= 4, result::toString);
    }
    String scrape = get(http.url("/metrics")).body();
    assertTrue(scrape.lines().anyMatch(line -> line.startsWith("mcp_server_requests_seconds_count{")
        && line.contains("target=\"job_templates_list\"") && line.contains("outcome=\"success\"")), scrape);
  }

  @Test
  void callsAwxWithTheCredentialsTheCallerSendsInHeaders() {
    try (McpClient client = connect(Map.of("X-AWX-Username", Demo.USER, "X-AWX-Password", demo.password()))) {
      CallToolResult me = client.callTool("system_me", Map.of());
      assertNotEquals(Boolean.TRUE, me.isError(), me::toString);
      assertEquals(Demo.USER, Objects.requireNonNull(me.structuredContent()).path("username").asText(), me::toString);
    }
    try (McpClient client = connect(Map.of("X-AWX-Token", "not-the-demo-token"))) {
      CallToolResult refused = client.callTool("system_me", Map.of());
      assertEquals(Boolean.TRUE, refused.isError(), refused::toString);
      assertTrue(text(refused).contains("401"), refused::toString);
    }
  }

  @Test
  void refusesABaseUrlHeaderThatIsNotConfigured() {
    try (McpClient client = connect(Map.of("X-AWX-Base-URL", "http://169.254.169.254"))) {
      CallToolResult refused = client.callTool("system_me", Map.of());
      assertEquals(Boolean.TRUE, refused.isError(), refused::toString);
      assertTrue(text(refused).contains("allowlist"), refused::toString);
    }
  }

  @Test
  void saysWhereItListensAndHowToConnect() {
    String printed = log.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("AWX MCP server (Streamable HTTP) at " + http.mcpUrl()), printed);
    assertTrue(printed.contains("--transport http"), printed);
    assertTrue(printed.contains("Demo mode: an AWX simulator"), printed);
    assertFalse(printed.contains("WARNING"), printed);
  }

  @Test
  void warnsWhenItListensBeyondLoopback() {
    Options options = Options.parse("--demo", "--http", "--host", "0.0.0.0", "--port", "0");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (HttpMode everywhere = HttpMode.start(AwxServer.builder(options, demo.environments()), options)) {
      everywhere.describe(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("WARNING: listening beyond this machine"),
        printed::toString);
  }
}
