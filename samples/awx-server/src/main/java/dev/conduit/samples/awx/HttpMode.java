package dev.conduit.samples.awx;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.conduit.observability.McpObservability;
import dev.conduit.observability.health.CompositeHealth;
import dev.conduit.observability.health.Health;
import dev.conduit.observability.health.HealthIndicator;
import dev.conduit.observability.health.HealthJson;
import dev.conduit.observability.health.ServerHealth;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.resilience.McpResilience;
import dev.conduit.transport.http.StreamableHttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * The AWX server over Streamable HTTP: the MCP endpoint at the configured path (callers may send {@code X-AWX-*}
 * credential headers), observed (Micrometer metrics scraped by Prometheus at {@code /metrics}, one log line per
 * request, health at {@code /health}, liveness at {@code /healthz}, readiness at {@code /ready}), and protected by
 * the server-side resilience defaults (a rate limit per session, a bulkhead).
 */
public final class HttpMode implements AutoCloseable {

  private final McpServer server;
  private final StreamableHttpServer http;
  private final boolean loopback;

  private HttpMode(McpServer server, StreamableHttpServer http, boolean loopback) {
    this.server = server;
    this.http = http;
    this.loopback = loopback;
  }

  /** Builds the server from {@code server}'s tools and starts serving at the options' host, port and path. */
  public static HttpMode start(McpServer.Builder server, Options options) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    McpObservability observability = McpObservability.builder(registry).build();
    // Observed first, so that requests the rate limiter or the bulkhead refuse are counted and logged too.
    McpServer built = McpResilience.serverDefaults().applyTo(observability.instrument(server)).build();
    observability.bindTo(built);
    HealthIndicator ready = CompositeHealth.builder().add("mcp", ServerHealth.of(built)).build();
    StreamableHttpServer http = StreamableHttpServer.builder(built)
        .host(options.host())
        .port(options.port())
        .path(options.path())
        .route("/metrics", exchange ->
            respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()))
        .route("/health", health(ready))
        .route("/ready", health(ready))
        .route("/healthz", health(Health::up))
        .start();
    return new HttpMode(built, http, isLoopback(options.host()));
  }

  /** The MCP endpoint. */
  public URI mcpUrl() {
    return http.url();
  }

  /** The address of another path on the same server, such as {@code /health}. */
  public URI url(String path) {
    return http.url().resolve(path);
  }

  /** Says where the server listens and how to connect to it. */
  public void describe(PrintStream log) {
    log.printf("""
        AWX MCP server (Streamable HTTP) at %1$s
          health %2$s, liveness %3$s, readiness %4$s, Prometheus metrics %5$s
          connect: npx @modelcontextprotocol/inspector --cli %1$s --transport http --method tools/list
          or add to VS Code's .vscode/mcp.json: {"servers": {"awx": {"type": "http", "url": "%1$s"}}}
          callers may send their own AWX credentials: X-AWX-Token (or X-AWX-Username and X-AWX-Password)
        Stop with Ctrl-C.
        """, mcpUrl(), url("/health"), url("/healthz"), url("/ready"), url("/metrics"));
    if (!loopback) {
      log.println("WARNING: listening beyond this machine, without authentication of its own: whoever reaches "
          + "this port acts on AWX with the configured credentials unless they send their own X-AWX-* headers. "
          + "Put it behind an authenticating proxy, or give its environments no credentials, so that every caller "
          + "must send X-AWX-Token.");
    }
  }

  /** Stops serving and closes the server. */
  @Override
  public void close() {
    http.close();
    server.close();
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static HttpHandler health(HealthIndicator indicator) {
    return exchange -> {
      Health health = indicator.check();
      respond(exchange, HealthJson.httpStatus(health), "application/json", HealthJson.render(health));
    };
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
