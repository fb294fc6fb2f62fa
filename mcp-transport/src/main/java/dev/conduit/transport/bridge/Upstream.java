package dev.conduit.transport.bridge;

import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
import dev.conduit.transport.http.client.internal.NoDelaySocketFactory;
import dev.conduit.transport.stdio.StdioClientTransport;
import dev.conduit.transport.websocket.WebSocketClientTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The server a bridge forwards to, and how it reaches it: a way to open connections, whether one connection serves
 * every downstream client, and whether a connection that dies is restarted. Immutable; the {@code with...} and other
 * instance methods return changed copies.
 *
 * <pre>{@code
 * Upstream http = Upstream.streamableHttp("https://mcp.example.com/mcp", Map.of("Authorization", "Bearer ..."));
 * Upstream child = Upstream.stdio(List.of("npx", "-y", "@modelcontextprotocol/server-everything"));
 * Upstream custom = Upstream.of("in-process", () -> pair.client()).shared();
 * }</pre>
 *
 * <p>A legacy (2025-11-25 and earlier) upstream reached over a transport that can open many connections (HTTP,
 * WebSocket) gets one connection per downstream session, so that what the protocol keeps per session (subscriptions,
 * the log level, roots, the server's own state) is never shared between clients; 2026-07-28 requests, which carry
 * everything themselves, share one connection. A shared upstream (a process on stdio) has one connection for all.
 */
public final class Upstream {

  private final String name;
  private final Supplier<McpTransport> connector;
  private final boolean shared;
  private final @Nullable Duration restartBackoff;
  private final @Nullable AutoCloseable resources;

  private Upstream(String name, Supplier<McpTransport> connector, boolean shared, @Nullable Duration restartBackoff,
      @Nullable AutoCloseable resources) {
    this.name = name;
    this.connector = connector;
    this.shared = shared;
    this.restartBackoff = restartBackoff;
    this.resources = resources;
  }

  /**
   * An upstream reached through connections {@code connector} opens, one per downstream session; not restarted.
   *
   * @param name how logs name it (a URL, a command)
   */
  public static Upstream of(String name, Supplier<McpTransport> connector) {
    return new Upstream(Objects.requireNonNull(name, "name"), Objects.requireNonNull(connector, "connector"), false,
        null, null);
  }

  /**
   * A Streamable HTTP server (falling back to the legacy HTTP+SSE transport on the same URL, as the specification
   * says), sent {@code headers} with every request. Its connections share one HTTP client and connection pool.
   */
  public static Upstream streamableHttp(String url, Map<String, String> headers) {
    Map<String, String> fixed = Map.copyOf(headers);
    StreamableHttpClientTransport.builder(url); // fails now, not at the first connection, if the URL is not http(s)
    OkHttpClient client = sharedClient();
    Supplier<McpTransport> connector = () -> StreamableHttpClientTransport.builder(url)
        .headers(() -> fixed)
        .okHttpClient(client)
        .build();
    return new Upstream(url, connector, false, null, () -> release(client));
  }

  /**
   * A server behind a WebSocket ({@code ws://} or {@code wss://}; not in the MCP specification, but served by
   * gateways), sent {@code headers} with each handshake. Its connections share one HTTP client.
   */
  public static Upstream webSocket(String url, Map<String, String> headers) {
    Map<String, String> fixed = Map.copyOf(headers);
    WebSocketClientTransport.builder(url); // fails now, not at the first connection, if the URL is not ws(s)
    OkHttpClient client = sharedClient();
    Supplier<McpTransport> connector = () -> {
      WebSocketClientTransport.Builder builder = WebSocketClientTransport.builder(url).okHttpClient(client);
      fixed.forEach(builder::header);
      return builder.build();
    };
    return new Upstream(url, connector, false, null, () -> release(client));
  }

  private static OkHttpClient sharedClient() {
    return new OkHttpClient.Builder().socketFactory(new NoDelaySocketFactory(SocketFactory.getDefault())).build();
  }

  private static void release(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /**
   * A server in a child process on stdio, started when the bridge starts and restarted, with exponential backoff
   * from a quarter of a second, whenever it dies. One process serves every downstream client. Its standard error goes
   * to the logger {@value StdioClientTransport#STDERR_LOGGER}.
   */
  public static Upstream stdio(List<String> commandLine) {
    List<String> command = List.copyOf(commandLine);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("The command line is empty");
    }
    return stdio(String.join(" ", command), () -> StdioClientTransport.builder(command).build());
  }

  /** A server in a child process that {@code transports} starts; see {@link #stdio(List)}. */
  public static Upstream stdio(String name, Supplier<StdioClientTransport> transports) {
    Objects.requireNonNull(transports, "transports");
    return new Upstream(name, transports::get, true, Duration.ofMillis(250), null);
  }

  /** A copy whose one connection serves every downstream client. */
  public Upstream shared() {
    return new Upstream(name, connector, true, restartBackoff, resources);
  }

  /**
   * A copy whose connection is opened again when it dies, first after {@code initialBackoff}, then after twice as
   * long each time it dies again soon after (up to 30 seconds).
   */
  public Upstream restartedAfter(Duration initialBackoff) {
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("initialBackoff must be positive: " + initialBackoff);
    }
    return new Upstream(name, connector, shared, initialBackoff, resources);
  }

  /** How logs name the upstream. */
  public String name() {
    return name;
  }

  /** Opens a new connection. */
  public McpTransport connect() {
    return connector.get();
  }

  /** Whether one connection serves every downstream client. */
  public boolean isShared() {
    return shared;
  }

  /** How long to wait before the first restart of a dead connection; {@code null} if it is not restarted. */
  public @Nullable Duration restartBackoff() {
    return restartBackoff;
  }

  /** Releases what connections share (an HTTP client); the bridge calls it when it closes. */
  void release() {
    if (resources != null) {
      try {
        resources.close();
      } catch (Exception e) {
        // Nothing more to release: the bridge is closing anyway.
      }
    }
  }

  @Override
  public String toString() {
    return "Upstream{" + name + (shared ? ", shared" : "") + (restartBackoff != null ? ", restarted" : "") + "}";
  }
}
