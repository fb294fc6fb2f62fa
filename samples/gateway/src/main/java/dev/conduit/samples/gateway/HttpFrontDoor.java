package dev.conduit.samples.gateway;

import dev.conduit.observability.health.Health;
import dev.conduit.observability.health.HealthIndicator;
import dev.conduit.observability.health.HealthJson;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.http.LegacySseServlet;
import dev.conduit.transport.http.StreamableHttpOptions;
import dev.conduit.transport.http.StreamableHttpServlet;
import dev.conduit.transport.websocket.McpWebSocket;
import dev.conduit.transport.websocket.WebSocketOptions;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The gateway's HTTP front door, on embedded Jetty: Streamable HTTP at {@code /mcp}, the legacy HTTP+SSE transport at
 * {@code /sse}, WebSocket at {@code /ws}, health at {@code /health} and {@code /ready} (the server and the upstream)
 * and {@code /healthz} (the process), Prometheus metrics at {@code /metrics}. Browser origins other than loopback ones
 * are refused unless allowed.
 */
final class HttpFrontDoor implements AutoCloseable {

  // A 2026-07-28 client cancels by closing its stream, which the server notices when it next writes there: a
  // keep-alive every few seconds carries such a cancellation on upstream promptly.
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(5);

  private final Server jetty;
  private final URI base;
  private final boolean loopback;

  private HttpFrontDoor(Server jetty, URI base, boolean loopback) {
    this.jetty = jetty;
    this.base = base;
    this.loopback = loopback;
  }

  /**
   * Starts serving {@code server}.
   *
   * @param ready whether the gateway can serve: its server and its upstream
   * @throws IllegalStateException if the port cannot be bound
   */
  static HttpFrontDoor start(McpServer server, Options options, HealthIndicator ready,
      PrometheusMeterRegistry metrics) {
    String[] origins = options.allowedOrigins().toArray(String[]::new);
    StreamableHttpOptions http = StreamableHttpOptions.builder()
        .allowedOrigins(origins)
        .keepAliveInterval(KEEP_ALIVE)
        .build();
    WebSocketOptions webSocket = WebSocketOptions.builder().allowedOrigins(origins).build();
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(options.host());
    connector.setPort(options.port() == null ? 0 : options.port());
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    async(context, new StreamableHttpServlet(server, http), "/mcp");
    async(context, new LegacySseServlet(server, http), "/sse");
    context.addServlet(new ServletHolder(text("application/json", () -> health(ready))), "/health");
    context.addServlet(new ServletHolder(text("application/json", () -> health(ready))), "/ready");
    context.addServlet(new ServletHolder(text("application/json", () -> health(Health::up))), "/healthz");
    context.addServlet(new ServletHolder(text("text/plain; version=0.0.4; charset=utf-8",
        () -> new Response(200, metrics.scrape()))), "/metrics");
    JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) ->
        container.addEndpoint(McpWebSocket.serverConfig(server, "/ws", webSocket)));
    jetty.setHandler(context);
    try {
      jetty.start();
    } catch (Exception e) {
      try {
        jetty.stop();
      } catch (Exception ignored) {
        // the start failed already; that is what is reported
      }
      throw new IllegalStateException("cannot serve HTTP on " + options.host() + ":" + options.port() + ": "
          + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    return new HttpFrontDoor(jetty, URI.create("http://" + host + ":" + connector.getLocalPort() + "/"),
        isLoopback(options.host()));
  }

  private static void async(ServletContextHandler context, HttpServlet servlet, String path) {
    ServletHolder holder = new ServletHolder(servlet);
    holder.setAsyncSupported(true);
    context.addServlet(holder, path);
  }

  /** The address of a path on this front door, such as {@code /mcp}. */
  URI url(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  /** The WebSocket endpoint. */
  URI webSocketUrl() {
    return URI.create("ws" + base.toString().substring("http".length()) + "ws");
  }

  /** Whether it listens on a loopback address only. */
  boolean isLoopback() {
    return loopback;
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
  }

  private record Response(int status, String body) {}

  private static Response health(HealthIndicator indicator) {
    Health health = indicator.check();
    return new Response(HealthJson.httpStatus(health), HealthJson.render(health));
  }

  private static HttpServlet text(String contentType, Supplier<Response> answer) {
    return new HttpServlet() {
      private static final long serialVersionUID = 1L;

      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Response body = answer.get();
        byte[] bytes = body.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(body.status());
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
      }
    };
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
