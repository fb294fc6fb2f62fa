package dev.conduit.transport.websocket;

import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.transport.http.client.internal.HttpSettings;
import dev.conduit.transport.internal.Checks;
import dev.conduit.transport.websocket.internal.ClientSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The client end of MCP over WebSocket, on OkHttp: one JSON-RPC message per text message, both ways, to servers of
 * either protocol era ({@link McpWebSocket} serves the other end; gateways such as MCP Bridge serve it too).
 *
 * <pre>{@code
 * WebSocketClientTransport transport = WebSocketClientTransport.builder("wss://gateway.example.com/mcp")
 *     .headers(() -> Map.of("Authorization", "Bearer " + tokens.current()))
 *     .build();
 * try (McpClient client = McpClient.connect(transport)) {
 *   CallToolResult result = client.callTool("echo", Map.of("message", "hi"));
 * }
 * }</pre>
 *
 * <p>{@link #start} begins the handshake, offering the subprotocol {@value McpWebSocket#SUBPROTOCOL}; messages sent
 * before it completes wait in order (up to 16 MiB) and go out once the socket is open. If the handshake fails
 * (connection refused, a 403 or 404 answer, a subprotocol the client did not offer) the listener is told at once, so
 * pending requests fail straight away. A server that chooses no subprotocol is accepted. The transport pings the
 * server at an interval and ends the connection when a pong does not come back in time.
 *
 * <p>What arrives is delivered on OkHttp's reader thread, in order, one message at a time. Text that is not a valid
 * message, a message over the size limit and a binary message are answered with a JSON-RPC error, as on stdio, and
 * the connection goes on. {@link #close()} sends a close frame (1000) and cancels the socket if the server has not
 * closed its end within the close timeout. A supplied {@link OkHttpClient} is never shut down; one the transport
 * made is, on close.
 */
public final class WebSocketClientTransport implements McpTransport {

  private final ClientSocket socket;

  private WebSocketClientTransport(ClientSocket socket) {
    this.socket = socket;
  }

  /**
   * Starts configuring a transport to the WebSocket at {@code url}.
   *
   * @throws IllegalArgumentException if {@code url} is not a ws or wss URL
   */
  public static Builder builder(String url) {
    return new Builder(HttpSettings.forWebSocketUrl(url));
  }

  /** A transport to {@code url} with the default settings. */
  public static WebSocketClientTransport create(String url) {
    return builder(url).build();
  }

  /** Opens the socket; the handshake completes in the background. */
  @Override
  public void start(Listener listener) {
    socket.start(listener);
  }

  /** Completes once OkHttp has taken the message; fails if the socket is closing or its queue is full. */
  @Override
  public CompletionStage<Void> send(JsonRpcMessage message, @Nullable RequestId relatedRequest) {
    return socket.send(message);
  }

  @Override
  public void close() {
    socket.close();
  }

  /** The socket's URL: a client remembers by it which era the server speaks. */
  @Override
  public String endpoint() {
    return socket.endpoint();
  }

  /** For tests: the OkHttp client the transport uses. */
  OkHttpClient okHttpClient() {
    return socket.okHttpClient();
  }

  @Override
  public String toString() {
    return socket.toString();
  }

  /** Configures a {@link WebSocketClientTransport}. */
  public static final class Builder {
    private final HttpSettings settings;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Supplier<Map<String, String>> headerSupplier = Map::of;
    private @Nullable String subprotocol = McpWebSocket.SUBPROTOCOL;
    private Duration pingInterval = Duration.ofSeconds(30);
    private int maxMessageBytes;

    private Builder(HttpSettings settings) {
      this.settings = settings;
    }

    /** A header for the handshake, such as an API key. */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Headers for the handshake, asked for when the transport starts, so that a token can be fresh; they win over
     * {@link #header} for the same name.
     */
    public Builder headers(Supplier<Map<String, String>> supplier) {
      this.headerSupplier = Objects.requireNonNull(supplier, "supplier");
      return this;
    }

    /** The subprotocol to offer (default {@value McpWebSocket#SUBPROTOCOL}); null to offer none. */
    public Builder subprotocol(@Nullable String subprotocol) {
      this.subprotocol = subprotocol;
      return this;
    }

    /**
     * How often to ping the server (default 30 seconds); a ping whose pong has not come back by the next ping ends
     * the connection. {@link Duration#ZERO} turns pings off.
     */
    public Builder pingInterval(Duration interval) {
      this.pingInterval = Checks.nonNegative(interval, "pingInterval");
      return this;
    }

    /** How long connecting and the handshake may take (default 10 seconds). */
    public Builder connectTimeout(Duration timeout) {
      settings.connectTimeout(timeout);
      return this;
    }

    /** How long {@link #close()} waits for the server to close its end before cancelling (default 2 seconds). */
    public Builder closeTimeout(Duration timeout) {
      settings.closeTimeout(timeout);
      return this;
    }

    /**
     * The largest message decoded, in bytes (default: the codec's largest). OkHttp reads a message whole before the
     * transport sees it, so this limits what is decoded, not what is read.
     */
    public Builder maxMessageBytes(int bytes) {
      this.maxMessageBytes = Checks.positive(bytes, "maxMessageBytes");
      return this;
    }

    /**
     * Opens the socket through {@code client}: its dispatcher, interceptors, proxy and TLS settings. The transport
     * sets its own ping interval, close timeout and call timeout (which covers only the handshake) on a derived
     * client, and never shuts the supplied one down.
     */
    public Builder okHttpClient(OkHttpClient client) {
      settings.client(client);
      return this;
    }

    /** Trust and client certificates for wss, for a client the transport creates itself. */
    public Builder tls(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
      settings.tls(socketFactory, trustManager);
      return this;
    }

    /** Checks wss host names another way, for a client the transport creates itself. */
    public Builder hostnameVerifier(HostnameVerifier verifier) {
      settings.hostnameVerifier(verifier);
      return this;
    }

    /** The codec, and so the limits on what the server may send (the standard codec by default). */
    public Builder codec(JsonRpcCodec codec) {
      settings.codec(codec);
      return this;
    }

    /**
     * Builds the transport; it connects when started.
     *
     * @throws IllegalStateException if both TLS settings and an OkHttpClient were given
     */
    public WebSocketClientTransport build() {
      settings.validate();
      Map<String, String> fixed = Map.copyOf(headers);
      Supplier<Map<String, String>> fresh = headerSupplier;
      settings.headers(() -> {
        Map<String, String> all = new LinkedHashMap<>(fixed);
        Map<String, String> supplied = fresh.get();
        if (supplied != null) {
          all.putAll(supplied);
        }
        return all;
      });
      int limit = maxMessageBytes > 0 ? maxMessageBytes : settings.codec().maxMessageBytes();
      return new WebSocketClientTransport(new ClientSocket(settings, subprotocol, pingInterval, limit));
    }
  }
}
