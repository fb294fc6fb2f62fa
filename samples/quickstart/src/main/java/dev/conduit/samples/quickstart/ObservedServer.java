package dev.conduit.samples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.conduit.observability.McpObservability;
import dev.conduit.observability.health.CompositeHealth;
import dev.conduit.observability.health.Health;
import dev.conduit.observability.health.HealthIndicator;
import dev.conduit.observability.health.HealthJson;
import dev.conduit.observability.health.ServerHealth;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.http.StreamableHttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The quick-start server over Streamable HTTP, observed: Micrometer metrics rendered for Prometheus at {@code
 * /metrics}, health at {@code /health} (with details), {@code /healthz} (liveness) and {@code /ready} (readiness),
 * and one log line per request.
 *
 * <pre>
 * java -cp conduit-quickstart.jar dev.conduit.samples.quickstart.ObservedServer [--port 8080]
 * curl -s localhost:8080/metrics
 * </pre>
 */
public final class ObservedServer implements AutoCloseable {

  private final McpServer server;
  private final StreamableHttpServer http;

  private ObservedServer(McpServer server, StreamableHttpServer http) {
    this.server = server;
    this.http = http;
  }

  /** Starts the server on {@code host}:{@code port} (0 picks a free port). */
  public static ObservedServer start(String host, int port) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    McpObservability observability = McpObservability.builder(registry).build();
    McpServer server = observability.bindTo(observability.instrument(QuickStart.serverBuilder()).build());
    HealthIndicator ready = CompositeHealth.builder().add("mcp", ServerHealth.of(server)).build();
    StreamableHttpServer http = StreamableHttpServer.builder(server)
        .host(host)
        .port(port)
        .route("/metrics", exchange ->
            respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()))
        .route("/health", health(ready))
        .route("/ready", health(ready))
        .route("/healthz", health(Health::up))
        .start();
    return new ObservedServer(server, http);
  }

  /** The MCP endpoint. */
  public URI mcpUrl() {
    return http.url();
  }

  /** The address of another path on the same server, such as {@code /metrics}. */
  public URI url(String path) {
    return http.url().resolve(path);
  }

  @Override
  public void close() {
    http.close();
    server.close();
  }

  /** Serves on 127.0.0.1, port 8080 or {@code --port N}, until the JVM is stopped. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length == 2 && args[0].equals("--port") ? Integer.parseInt(args[1]) : 8080;
    ObservedServer running = start("127.0.0.1", port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.close();
      stopped.countDown();
    }, "quickstart-shutdown"));
    System.out.printf("MCP endpoint at %s%nmetrics at %s, health at %s, %s and %s%nStop with Ctrl-C.%n",
        running.mcpUrl(), running.url("/metrics"), running.url("/health"), running.url("/healthz"),
        running.url("/ready"));
    stopped.await();
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
