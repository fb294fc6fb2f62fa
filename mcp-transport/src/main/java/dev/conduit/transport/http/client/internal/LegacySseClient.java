package dev.conduit.transport.http.client.internal;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.jsonrpc.DecodeResult;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.transport.TransportContext;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP+SSE client of 2024-11-05: one long GET whose first event, {@code endpoint}, names the URL to POST every
 * message to (resolved against the stream's URL, and held to its origin); everything the server sends arrives on
 * the stream as {@code message} events. A POST is accepted with 202 and answers nothing itself.
 *
 * <p>The stream is the connection: when it ends after the endpoint has arrived, {@code onEnd} is told.
 */
public final class LegacySseClient {

  private static final Logger log = LoggerFactory.getLogger(LegacySseClient.class);

  private final HttpSettings settings;
  private final HttpUrl sseUrl;
  private final HttpResources http;
  private final HttpRequests requests;
  private final JsonRpcCodec codec;
  private final BiConsumer<JsonRpcMessage, TransportContext> deliver;
  private final Consumer<@Nullable Throwable> onEnd;
  private final CompletableFuture<HttpUrl> endpoint = new CompletableFuture<>();
  private final SendOrder order = new SendOrder();
  private volatile @Nullable Call stream;
  private volatile boolean closed;

  /**
   * @param deliver receives every message from the stream, and the errors made up for requests the server turned
   *     down
   * @param onEnd told, once, that the stream ended after the endpoint arrived ({@code null} for a clean end)
   */
  public LegacySseClient(
      HttpSettings settings, HttpUrl sseUrl, HttpResources http, HttpRequests requests,
      BiConsumer<JsonRpcMessage, TransportContext> deliver, Consumer<@Nullable Throwable> onEnd) {
    this.settings = settings;
    this.sseUrl = sseUrl;
    this.http = http;
    this.requests = requests;
    this.codec = settings.codec();
    this.deliver = deliver;
    this.onEnd = onEnd;
  }

  /** Opens the stream; completes when the server has named its endpoint, or fails if it does not in time. */
  public CompletableFuture<Void> connect() {
    if (!http.execute(this::listen)) {
      endpoint.completeExceptionally(new McpConnectionClosedException("The transport is closed", null));
    }
    endpoint.orTimeout(settings.endpointTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((url, failure) -> {
      if (failure != null) {
        cancelStream();
      }
    });
    return endpoint.thenApply(url -> null);
  }

  /** The endpoint the server named, once it has. */
  public @Nullable HttpUrl endpoint() {
    return endpoint.isDone() && !endpoint.isCompletedExceptionally() ? endpoint.join() : null;
  }

  /**
   * POSTs {@code message} to the endpoint, once known and once the messages sent before it are out; completes when
   * the server accepts it.
   */
  public CompletableFuture<Void> send(Outgoing message) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    order.next(written -> endpoint.whenComplete((url, failure) -> {
      if (failure != null) {
        written.complete(null);
        sent.completeExceptionally(failure);
      } else if (!http.execute(() -> post(url, message, sent, written))) {
        written.complete(null);
        sent.completeExceptionally(new McpConnectionClosedException("The transport is closed", null));
      }
    }));
    return sent;
  }

  /** Stops the stream; {@code onEnd} is not told. */
  public void close() {
    closed = true;
    endpoint.completeExceptionally(new McpConnectionClosedException("The transport is closed", null));
    cancelStream();
  }

  private void post(HttpUrl url, Outgoing message, CompletableFuture<Void> sent, CompletableFuture<Void> written) {
    Call call;
    try {
      call = http.newCall(requests.post(url, message, null, null, Map.of(), () -> written.complete(null)));
    } catch (RuntimeException e) {
      written.complete(null);
      sent.completeExceptionally(e);
      return;
    }
    try (Response response = call.execute()) {
      RequestId id = message.id();
      if (response.isSuccessful()) {
        sent.complete(null);
      } else if (id != null) {
        sent.complete(null);
        HttpErrors.Answer answer = HttpErrors.fromStatus(id, response, codec);
        deliver.accept(answer.error(), answer.context());
      } else {
        sent.completeExceptionally(new IOException(HttpErrors.describe(response)));
      }
    } catch (IOException e) {
      sent.completeExceptionally(e);
    } finally {
      written.complete(null);
      http.release(call);
    }
  }

  private void listen() {
    Throwable failure = null;
    Call call = null;
    try {
      call = http.newCall(requests.get(sseUrl, null, null, null));
      stream = call;
      if (closed || endpoint.isCompletedExceptionally()) {
        call.cancel();
      }
      try (Response response = call.execute()) {
        if (!response.isSuccessful()) {
          throw new IOException(HttpErrors.describe(response));
        }
        if (!HttpErrors.isEventStream(response)) {
          throw new ProtocolException("Expected an event stream from GET " + sseUrl + ", got "
              + response.header("Content-Type"));
        }
        SseReader reader = new SseReader(response.body().source(), codec.maxMessageBytes());
        for (SseEvent event = reader.next(); event != null; event = reader.next()) {
          switch (event.type()) {
            case "endpoint" -> onEndpoint(event);
            case "message" -> onMessage(event);
            default -> log.debug("Ignoring an event of type {}", event.type());
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
    } finally {
      if (call != null) {
        http.release(call);
      }
    }
    ended(failure);
  }

  private void onEndpoint(SseEvent event) throws ProtocolException {
    String target = event.dataText().trim();
    HttpUrl url = sseUrl.resolve(target);
    if (url == null || !url.scheme().equals(sseUrl.scheme()) || !url.host().equals(sseUrl.host())
        || url.port() != sseUrl.port()) {
      throw new ProtocolException("The server named an endpoint that is not on " + sseUrl.scheme() + "://"
          + sseUrl.host() + ":" + sseUrl.port() + ": " + target);
    }
    if (!endpoint.complete(url)) {
      log.debug("Ignoring a second endpoint event: {}", target);
    }
  }

  private void onMessage(SseEvent event) {
    if (event.isBlank()) {
      return;
    }
    DecodeResult decoded = codec.decode(event.data());
    if (decoded instanceof DecodeResult.Success success) {
      deliver.accept(success.message(), TransportContext.empty());
    } else {
      log.warn("Ignoring an event that is not a JSON-RPC message: {}",
          ((DecodeResult.Failure) decoded).error().error().message());
    }
  }

  private void ended(@Nullable Throwable failure) {
    boolean connected = endpoint.isDone() && !endpoint.isCompletedExceptionally();
    if (!connected) {
      endpoint.completeExceptionally(failure != null
          ? failure
          : new ProtocolException("The event stream from " + sseUrl + " ended before it named an endpoint"));
      return;
    }
    if (!closed) {
      onEnd.accept(failure);
    }
  }

  private void cancelStream() {
    Call call = stream;
    if (call != null) {
      call.cancel();
    }
  }
}
