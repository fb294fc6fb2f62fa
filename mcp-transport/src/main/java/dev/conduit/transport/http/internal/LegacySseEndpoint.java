package dev.conduit.transport.http.internal;

import dev.conduit.protocol.jsonrpc.DecodeResult;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.protocol.transport.TransportContext;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.http.StreamableHttpOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legacy HTTP+SSE transport (2024-11-05): a GET on the SSE endpoint opens a connection whose first event names
 * the URI to POST messages to; POSTs are accepted with 202 and answered on the SSE stream.
 */
public final class LegacySseEndpoint implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LegacySseEndpoint.class);

  private final Wiring wiring;
  private final OriginGuard guard;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, SseConnection> connections = new ConcurrentHashMap<>();

  public LegacySseEndpoint(McpServer server, StreamableHttpOptions options, Executor io,
      ScheduledExecutorService timer) {
    this.wiring = new Wiring(server, options, options.newEventStore(), io, timer, false);
    this.guard = new OriginGuard(options);
  }

  /**
   * Serves the SSE endpoint: GET opens a connection.
   *
   * @param messagePath the path (from the server's root) that the {@code endpoint} event names, where the client
   *     POSTs its messages
   */
  public void handleSse(Exchange exchange, String messagePath) {
    if (!guard.admit(exchange, wiring.codec())) {
      return;
    }
    if (!exchange.method().equals("GET")) {
      exchange.respond(405, Map.of("Allow", "GET"), new byte[0]);
      return;
    }
    if (connections.size() >= wiring.options().maxSessions()) {
      Http.error(exchange, wiring.codec(), 503, Http.TRANSPORT_ERROR, "Service Unavailable: too many sessions");
      return;
    }
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    SseConnection connection = new SseConnection(id);
    SseChannel channel;
    try {
      channel = wiring.openSse(exchange, Map.of(), gone -> connection.close());
    } catch (IOException e) {
      return;
    }
    connection.channel = channel;
    connections.put(id, connection);
    try {
      wiring.server().connect(connection);
    } catch (IllegalStateException e) {
      connection.close();
      return;
    }
    channel.write(Sse.named("endpoint", messagePath + "?sessionId=" + id));
  }

  /** Serves the message endpoint: POST delivers one message to the connection {@code sessionId} names. */
  public void handleMessage(Exchange exchange) {
    if (!guard.admit(exchange, wiring.codec())) {
      return;
    }
    if (!exchange.method().equals("POST")) {
      exchange.respond(405, Map.of("Allow", "POST"), new byte[0]);
      return;
    }
    String id = exchange.queryParameter("sessionId");
    SseConnection connection = id == null ? null : connections.get(id);
    if (connection == null) {
      Http.error(exchange, wiring.codec(), 404, -32001, "Session not found");
      return;
    }
    if (!Http.isJson(exchange.header("Content-Type"))) {
      Http.error(exchange, wiring.codec(), 415, Http.TRANSPORT_ERROR,
          "Unsupported Media Type: Content-Type must be application/json");
      return;
    }
    byte[] body;
    try {
      body = exchange.readBody(wiring.options().maxBodyBytes());
    } catch (Exchange.BodyTooLargeException e) {
      Http.error(exchange, wiring.codec(), 413, Http.TRANSPORT_ERROR, "Payload Too Large");
      return;
    } catch (IOException e) {
      exchange.endStream();
      return;
    }
    DecodeResult decoded = wiring.codec().decode(body);
    if (decoded instanceof DecodeResult.Failure failure) {
      Http.error(exchange, wiring.codec(), 400, failure.error(), Map.of());
      return;
    }
    connection.receive(((DecodeResult.Success) decoded).message(),
        TransportContext.ofHeaders(exchange.headers()).withSessionId(connection.id));
    exchange.respond(202, Map.of("Content-Type", "text/plain; charset=utf-8"),
        "Accepted".getBytes(StandardCharsets.UTF_8));
  }

  /** Ends every connection. */
  @Override
  public void close() {
    connections.values().forEach(SseConnection::close);
  }

  /** One HTTP+SSE connection: its messages go out as {@code event: message} on its stream. */
  private final class SseConnection implements McpTransport {
    private final String id;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable SseChannel channel;
    private volatile @Nullable Listener listener;

    SseConnection(String id) {
      this.id = id;
    }

    @Override
    public String sessionId() {
      return id;
    }

    @Override
    public void start(Listener listener) {
      this.listener = listener;
    }

    void receive(JsonRpcMessage message, TransportContext context) {
      Listener current = listener;
      if (current != null) {
        current.onMessage(message, context);
      }
    }

    @Override
    public CompletionStage<Void> send(JsonRpcMessage message, @Nullable RequestId relatedRequest) {
      SseChannel current = channel;
      if (closed.get() || current == null) {
        return CompletableFuture.failedFuture(new IllegalStateException("HTTP+SSE connection is closed"));
      }
      current.write(Sse.named("message", wiring.codec().encodeToString(message)));
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      connections.remove(id, this);
      SseChannel current = channel;
      if (current != null) {
        current.close();
      }
      Listener current2 = listener;
      listener = null;
      if (current2 != null) {
        current2.onClose(null);
      }
      log.debug("HTTP+SSE connection {} closed", id);
    }
  }
}
