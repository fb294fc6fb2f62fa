package dev.conduit.transport.http.client;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.transport.http.client.internal.HttpRequests;
import dev.conduit.transport.http.client.internal.HttpResources;
import dev.conduit.transport.http.client.internal.HttpSettings;
import dev.conduit.transport.http.client.internal.Inbox;
import dev.conduit.transport.http.client.internal.LegacySseClient;
import dev.conduit.transport.http.client.internal.Outgoing;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The client end of the HTTP+SSE transport of revision 2024-11-05 (deprecated since 2025-03-26, still served by many
 * servers), on OkHttp.
 *
 * <pre>{@code
 * try (McpClient client = McpClient.connect(SseClientTransport.create("http://localhost:3001/sse"))) {
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #start} opens a GET to the SSE URL and waits for the {@code endpoint} event, whose URL (resolved against
 * the SSE URL, and required to be on the same origin) receives every message as a POST; messages sent before it
 * arrives wait for it. Everything the server sends arrives as {@code message} events. When the server ends the
 * stream, the connection is over and the listener is told. {@link StreamableHttpClientTransport} falls back to this
 * transport by itself, so use this one only for a server known to speak nothing newer.
 */
public final class SseClientTransport implements McpTransport {

  private final HttpResources http;
  private final Inbox inbox = new Inbox();
  private final LegacySseClient client;
  private final JsonRpcCodec codec;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SseClientTransport(HttpSettings settings) {
    this.http = HttpResources.create(settings, "sse-client");
    this.codec = settings.codec();
    this.client = new LegacySseClient(
        settings, settings.url(), http, new HttpRequests(settings.headers()), inbox::deliver, this::terminate);
  }

  /**
   * Starts configuring a transport whose event stream is at {@code sseUrl}.
   *
   * @throws IllegalArgumentException if {@code sseUrl} is not an http or https URL
   */
  public static Builder builder(String sseUrl) {
    return new Builder(HttpSettings.forUrl(sseUrl));
  }

  /** A transport to {@code sseUrl} with the default settings. */
  public static SseClientTransport create(String sseUrl) {
    return builder(sseUrl).build();
  }

  /** Opens the event stream; if the server names no endpoint in time, the listener is told the connection failed. */
  @Override
  public void start(Listener listener) {
    inbox.start(listener);
    client.connect().whenComplete((ok, failure) -> {
      if (failure != null) {
        terminate(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
      }
    });
  }

  @Override
  public CompletionStage<Void> send(JsonRpcMessage message, @Nullable RequestId relatedRequest) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(new McpConnectionClosedException("The transport is closed", null));
    }
    try {
      return client.send(Outgoing.of(message, codec));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {
    end(null);
  }

  /** The URL the server named for POSTs, once it has. */
  public @Nullable String endpoint() {
    var url = client.endpoint();
    return url == null ? null : url.toString();
  }

  /** For tests: the OkHttp client the transport uses. */
  OkHttpClient okHttpClient() {
    return http.client();
  }

  private void terminate(@Nullable Throwable cause) {
    end(cause);
  }

  private void end(@Nullable Throwable cause) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    client.close();
    http.shutdown();
    inbox.close(cause);
  }

  /** Configures an {@link SseClientTransport}. */
  public static final class Builder extends HttpClientTransportBuilder<Builder> {

    private Builder(HttpSettings settings) {
      super(settings);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Builds the transport; it connects when started.
     *
     * @throws IllegalStateException if both TLS settings and an OkHttpClient were given
     */
    public SseClientTransport build() {
      settings.validate();
      return new SseClientTransport(settings);
    }
  }
}
