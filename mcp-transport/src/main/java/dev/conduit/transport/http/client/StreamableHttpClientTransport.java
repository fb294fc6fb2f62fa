package dev.conduit.transport.http.client;

import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.transport.http.client.internal.HttpSettings;
import dev.conduit.transport.http.client.internal.StreamableClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The client end of the Streamable HTTP transport, for servers of every revision from 2025-03-26 to 2026-07-28, on
 * OkHttp.
 *
 * <pre>{@code
 * StreamableHttpClientTransport transport =
 *     StreamableHttpClientTransport.builder("https://example.com/mcp")
 *         .headers(() -> Map.of("Authorization", "Bearer " + tokens.current()))
 *         .build();
 * try (McpClient client = McpClient.connect(transport)) {
 *   CallToolResult result = client.callTool("echo", Map.of("message", "hi"));
 * }
 * }</pre>
 *
 * <p>Each message is a POST with {@code Accept: application/json, text/event-stream}; JSON and event-stream answers
 * are both read, and an event stream's notifications and requests are delivered in order before its response. The
 * transport keeps what the protocol asks a client to keep:
 *
 * <ul>
 *   <li>the {@code Mcp-Session-Id} assigned with the {@code initialize} result, sent on every later request and ended
 *       with DELETE on {@link #close()}; the negotiated {@code MCP-Protocol-Version}, sent after initialization;
 *   <li>a stream that ends before its response is resumed with GET and {@code Last-Event-ID} after the server's
 *       {@code retry} delay; a session the server forgot (404) is renewed by replaying {@code initialize}, and the
 *       message sent again, unseen by the client;
 *   <li>after initialization, a GET stream for what the server sends unprompted (none if the server answers 405);
 *   <li>if the server turns down the first {@code initialize} with 400, 404 or 405, the 2024-11-05 HTTP+SSE transport
 *       is tried on the same URL, as the specification's backward-compatibility rule says;
 *   <li>on 2026-07-28 requests: {@code MCP-Protocol-Version} from {@code _meta}, {@code Mcp-Method} and {@code
 *       Mcp-Name} (Base64-escaped when not plain ASCII); cancelling such a request closes its stream, which is how
 *       that revision cancels, instead of sending {@code notifications/cancelled};
 *   <li>in a {@code tools/call} of a tool whose listing marked parameters {@code x-mcp-header} (SEP-2243), each such
 *       argument as an {@code Mcp-Param-*} header too, in either era (some servers demand them on legacy sessions).
 * </ul>
 *
 * <p>Calls never wait on the network: requests run on the transport's own daemon threads. One {@link OkHttpClient}
 * serves every request; the transport shuts it down on close, unless the user supplied it.
 */
public final class StreamableHttpClientTransport implements McpTransport {

  private final StreamableClient client;

  private StreamableHttpClientTransport(StreamableClient client) {
    this.client = client;
  }

  /**
   * Starts configuring a transport to the MCP endpoint at {@code url}.
   *
   * @throws IllegalArgumentException if {@code url} is not an http or https URL
   */
  public static Builder builder(String url) {
    return new Builder(HttpSettings.forUrl(url));
  }

  /** A transport to {@code url} with the default settings. */
  public static StreamableHttpClientTransport create(String url) {
    return builder(url).build();
  }

  @Override
  public void start(Listener listener) {
    client.start(listener);
  }

  @Override
  public CompletionStage<Void> send(JsonRpcMessage message, @Nullable RequestId relatedRequest) {
    return client.send(message);
  }

  /** Stops every stream, ends the session with DELETE (best effort, briefly) and releases the HTTP client. */
  @Override
  public void close() {
    client.close();
  }

  /** The endpoint URL: a client remembers by it which era the server speaks. */
  @Override
  public String endpoint() {
    return client.endpoint();
  }

  /** The session id the server assigned, if it did. */
  public @Nullable String sessionId() {
    return client.sessionId();
  }

  /** The protocol version negotiated by {@code initialize}, once its result has passed through. */
  public @Nullable String protocolVersion() {
    return client.protocolVersion();
  }

  /** Whether the server speaks only the 2024-11-05 HTTP+SSE transport, which this one now uses. */
  public boolean usesLegacySse() {
    return client.usesLegacySse();
  }

  /** For tests: the OkHttp client the transport uses. */
  OkHttpClient okHttpClient() {
    return client.okHttpClient();
  }

  @Override
  public String toString() {
    return client.toString();
  }

  /** Configures a {@link StreamableHttpClientTransport}. */
  public static final class Builder extends HttpClientTransportBuilder<Builder> {

    private Builder(HttpSettings settings) {
      super(settings);
    }

    @Override
    Builder self() {
      return this;
    }

    /** How long {@link #close()} waits for the server to acknowledge the DELETE that ends the session (2 seconds). */
    public Builder closeTimeout(Duration timeout) {
      settings.closeTimeout(timeout);
      return this;
    }

    /** How long to wait before reconnecting a stream when the server gave no {@code retry} (1 second). */
    public Builder retryDelay(Duration delay) {
      settings.retryDelay(delay);
      return this;
    }

    /** How many reconnects in a row may fail, or bring nothing new, before a stream is given up (default 5). */
    public Builder maxReconnectAttempts(int attempts) {
      settings.maxReconnectAttempts(attempts);
      return this;
    }

    /** Whether to open the GET stream after initialization (default true). */
    public Builder getStream(boolean enabled) {
      settings.getStream(enabled);
      return this;
    }

    /** Whether to try the HTTP+SSE transport when the first {@code initialize} is turned down (default true). */
    public Builder legacyFallback(boolean enabled) {
      settings.legacyFallback(enabled);
      return this;
    }

    /** Whether {@link #close()} ends the session with DELETE (default true). */
    public Builder deleteSessionOnClose(boolean enabled) {
      settings.deleteSessionOnClose(enabled);
      return this;
    }

    /**
     * Builds the transport; nothing goes over the network until the first message is sent.
     *
     * @throws IllegalStateException if both TLS settings and an OkHttpClient were given
     */
    public StreamableHttpClientTransport build() {
      settings.validate();
      return new StreamableHttpClientTransport(new StreamableClient(settings));
    }
  }
}
