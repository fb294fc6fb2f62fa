package dev.conduit.transport.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.http.internal.DaemonThreads;
import dev.conduit.transport.http.internal.Http;
import dev.conduit.transport.http.internal.JdkExchange;
import dev.conduit.transport.http.internal.LegacySseEndpoint;
import dev.conduit.transport.http.internal.StreamableHttpCore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An MCP server on the JDK's built-in HTTP server ({@code com.sun.net.httpserver}): Streamable HTTP on one path, and
 * optionally the legacy HTTP+SSE endpoints beside it. No dependency beyond the JDK.
 *
 * <pre>{@code
 * try (StreamableHttpServer http = StreamableHttpServer.builder(mcpServer)
 *     .host("127.0.0.1").port(8080).path("/mcp")
 *     .legacySse("/sse", "/message")          // optional: 2024-11-05 clients
 *     .start()) {
 *   System.out.println("MCP endpoint at " + http.url());
 *   ...
 * }
 * }</pre>
 *
 * <p>Requests are served on daemon threads (virtual threads on Java 21+), never on the HTTP server's dispatcher
 * thread; a request's MCP handler runs on the thread that serves its exchange, which then goes on to other work. The JDK server's own dispatcher thread keeps the
 * JVM alive until {@link #close()}, as any server would.
 */
public final class StreamableHttpServer implements AutoCloseable {

  static {
    // The JDK HTTP server reads this once, when its configuration class loads; this class is the first to touch
    // HttpServer, so the property must be set here. Without TCP_NODELAY a keep-alive client that sends a POST in two
    // segments (headers, then body) is answered only after the peer's delayed ACK: about 40 ms late, every time.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final StreamableHttpCore core;
  private final @Nullable LegacySseEndpoint legacy;
  private final ExecutorService executor;
  private final ScheduledExecutorService timer;
  private final URI url;
  private final @Nullable URI sseUrl;

  private StreamableHttpServer(Builder builder) throws IOException {
    this.executor = DaemonThreads.io("conduit-http");
    this.timer = DaemonThreads.timer("conduit-http-timer");
    this.core = new StreamableHttpCore(builder.mcpServer, builder.options, executor, timer, true);
    this.legacy = builder.ssePath == null ? null
        : new LegacySseEndpoint(builder.mcpServer, builder.options, executor, timer);
    try {
      this.server = HttpServer.create(new InetSocketAddress(builder.host, builder.port), builder.backlog);
    } catch (IOException | RuntimeException e) {
      core.close();
      timer.shutdownNow();
      executor.shutdownNow();
      throw e;
    }
    server.setExecutor(executor);
    mount(builder.path, core::handle);
    LegacySseEndpoint sse = legacy;
    if (sse != null) {
      String messagePath = builder.messagePath;
      mount(builder.ssePath, exchange -> sse.handleSse(exchange, messagePath));
      mount(messagePath, sse::handleMessage);
    }
    builder.routes.forEach(this::route);
    server.start();
    String host = builder.host.contains(":") ? "[" + builder.host + "]" : builder.host;
    int port = server.getAddress().getPort();
    this.url = URI.create("http://" + host + ":" + port + builder.path);
    this.sseUrl = builder.ssePath == null ? null : URI.create("http://" + host + ":" + port + builder.ssePath);
  }

  /** Starts configuring a server for {@code mcpServer}. */
  public static Builder builder(McpServer mcpServer) {
    return new Builder(mcpServer);
  }

  // Each path is served exactly; the JDK matches contexts by prefix, so anything longer gets 404 here.
  private void mount(String path, Consumer<JdkExchange> handler) {
    server.createContext(path, (HttpExchange exchange) -> {
      JdkExchange wrapped = new JdkExchange(exchange);
      if (!wrapped.path().equals(path)) {
        wrapped.respond(404, Http.jsonHeaders(), new byte[0]);
        return;
      }
      handler.accept(wrapped);
    });
  }

  private void route(String path, HttpHandler handler) {
    server.createContext(path, exchange -> {
      if (!exchange.getRequestURI().getPath().equals(path)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      handler.handle(exchange);
    });
  }

  /** The port the server listens on (the one chosen by the system, if the builder said 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The Streamable HTTP endpoint, such as {@code http://127.0.0.1:8080/mcp}. */
  public URI url() {
    return url;
  }

  /** The legacy HTTP+SSE endpoint, if mounted. */
  public @Nullable URI sseUrl() {
    return sseUrl;
  }

  /** How many Streamable HTTP sessions are live. */
  public int sessionCount() {
    return core.sessionCount();
  }

  /** Ends every session and stops the server; the MCP server itself stays open. Idempotent. */
  @Override
  public void close() {
    core.close();
    if (legacy != null) {
      legacy.close();
    }
    server.stop(0);
    timer.shutdownNow();
    executor.shutdownNow();
  }

  /** Configures a {@link StreamableHttpServer}. */
  public static final class Builder {
    private final McpServer mcpServer;
    private String host = "127.0.0.1";
    private int port = 8080;
    private String path = "/mcp";
    private int backlog = 0;
    private StreamableHttpOptions options = StreamableHttpOptions.defaults();
    private @Nullable String ssePath;
    private String messagePath = "/message";
    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();

    private Builder(McpServer mcpServer) {
      this.mcpServer = Objects.requireNonNull(mcpServer, "mcpServer");
    }

    /** The address to bind (default 127.0.0.1, which also turns DNS rebinding protection on). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port (default 8080; 0 picks a free one, see {@link StreamableHttpServer#port()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** The Streamable HTTP endpoint's path (default {@code /mcp}). */
    public Builder path(String path) {
      this.path = checkPath(path);
      return this;
    }

    /** The TCP accept backlog (default: the system's). */
    public Builder backlog(int backlog) {
      this.backlog = backlog;
      return this;
    }

    /** How the endpoint behaves: sessions, limits, security. */
    public Builder options(StreamableHttpOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Also serves the legacy HTTP+SSE transport (2024-11-05): GET {@code ssePath} opens a stream whose {@code
     * endpoint} event names {@code messagePath?sessionId=...}, where the client POSTs its messages.
     */
    public Builder legacySse(String ssePath, String messagePath) {
      this.ssePath = checkPath(ssePath);
      this.messagePath = checkPath(messagePath);
      return this;
    }

    /**
     * Also serves {@code handler} at exactly {@code path}, beside the MCP endpoint: a health check or a metrics
     * scrape, say. It runs on the server's threads and gets none of the MCP endpoint's checks (origin, host,
     * sessions); anything under {@code path} gets 404.
     */
    public Builder route(String path, HttpHandler handler) {
      routes.put(checkPath(path), Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /**
     * Binds and starts the server.
     *
     * @throws UncheckedIOException if the address cannot be bound
     * @throws IllegalArgumentException if a {@link #route} has the path of an MCP endpoint
     */
    public StreamableHttpServer start() {
      for (String taken : ssePath == null ? new String[] {path} : new String[] {path, ssePath, messagePath}) {
        if (routes.containsKey(taken)) {
          throw new IllegalArgumentException("The path " + taken + " is an MCP endpoint's; a route needs another");
        }
      }
      try {
        return new StreamableHttpServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the MCP HTTP server on " + host + ":" + port, e);
      }
    }

    private static String checkPath(String path) {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("a path starts with '/': " + path);
      }
      return path;
    }
  }

  @Override
  public String toString() {
    return "StreamableHttpServer" + Map.of("url", url);
  }
}
