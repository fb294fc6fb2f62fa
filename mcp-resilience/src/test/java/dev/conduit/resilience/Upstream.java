package dev.conduit.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import dev.conduit.protocol.transport.TransportContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real client connected to a real server over a tapped in-memory pair: what the client puts on the wire can be
 * read back, and the server's end can be cut to make transport errors.
 */
final class Upstream implements AutoCloseable {

  static final long WAIT_SECONDS = 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InMemoryTransport.Pair pair;
  private final McpClient client;
  private final List<JsonNode> sentByClient = new ArrayList<>();
  private final List<String> sentByServer = new CopyOnWriteArrayList<>();

  private Upstream(McpServer server, Era era, TransportContext serverContext, List<McpInterceptor> interceptors) {
    this.pair = InMemoryTransport.builder().serverContext(serverContext).wireTap(this::onFrame).build();
    server.connect(pair.server());
    McpClient.Builder builder =
        McpClient.builder().transport(pair.client()).era(era).requestTimeout(Duration.ofSeconds(WAIT_SECONDS));
    interceptors.forEach(builder::interceptor);
    this.client = builder.connect();
  }

  /** Connects a client with {@code interceptors} to {@code server}, speaking {@code era}. */
  static Upstream connect(McpServer server, Era era, List<McpInterceptor> interceptors) {
    return new Upstream(server, era, TransportContext.empty(), interceptors);
  }

  /** Connects a plain client whose messages reach the server with {@code headers}, as HTTP headers would. */
  static Upstream connectWithHeaders(McpServer server, Map<String, List<String>> headers) {
    return new Upstream(server, Era.LEGACY, TransportContext.ofHeaders(headers), List.of());
  }

  McpClient client() {
    return client;
  }

  /** The ids of the requests for {@code method} the client sent, in order. */
  List<String> idsSent(String method) {
    List<String> ids = new ArrayList<>();
    synchronized (sentByClient) {
      for (JsonNode frame : sentByClient) {
        if (method.equals(frame.path("method").asText()) && frame.has("id")) {
          ids.add(frame.get("id").toString());
        }
      }
    }
    return ids;
  }

  /** The ids that the client's {@code notifications/cancelled} named. */
  List<String> cancelledIds() {
    List<String> ids = new ArrayList<>();
    synchronized (sentByClient) {
      for (JsonNode frame : sentByClient) {
        if ("notifications/cancelled".equals(frame.path("method").asText())) {
          ids.add(frame.path("params").path("requestId").toString());
        }
      }
    }
    return ids;
  }

  /** Cuts the connection at the server's end, as a crashed upstream would. */
  void cut() {
    pair.server().close();
  }

  /** Puts {@code frame} on the wire from the client's end as it is, as no Conduit client would send it. */
  void sendRaw(String frame) {
    pair.client().sendRaw(frame.getBytes(StandardCharsets.UTF_8)).toCompletableFuture().join();
  }

  /** Every frame the server sent, as text, in order. */
  List<String> sentByServer() {
    return List.copyOf(sentByServer);
  }

  private void onFrame(boolean fromClient, byte[] frame) {
    if (!fromClient) {
      sentByServer.add(new String(frame, StandardCharsets.UTF_8));
      return;
    }
    try {
      JsonNode json = JSON.readTree(frame);
      synchronized (sentByClient) {
        sentByClient.add(json);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
