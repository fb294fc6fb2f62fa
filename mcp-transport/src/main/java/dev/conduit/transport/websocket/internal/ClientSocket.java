package dev.conduit.transport.websocket.internal;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.transport.http.client.internal.HttpResources;
import dev.conduit.transport.http.client.internal.HttpSettings;
import dev.conduit.transport.http.client.internal.Inbox;
import java.io.IOException;
import java.net.ProtocolException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * The client end of an MCP WebSocket on OkHttp. OkHttp queues what is sent before the handshake completes (in order,
 * up to 16 MiB) and sends it once the socket is open, pings at the configured interval and fails the socket when a
 * pong does not come back; what arrives is read on its reader thread, one message at a time, and handed on through
 * an {@link Inbox}, which also reports the end exactly once.
 */
public final class ClientSocket extends WebSocketListener {

  /** The WebSocket close code of an orderly close. */
  private static final int NORMAL_CLOSURE = 1000;
  /** The close code of a peer going away, such as a server shutting down: still an orderly end. */
  private static final int GOING_AWAY = 1001;

  private final HttpSettings settings;
  private final @Nullable String subprotocol;
  private final HttpResources http;
  private final OkHttpClient client;
  private final JsonRpcCodec codec;
  private final Inbox inbox = new Inbox();
  private final Incoming incoming;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile @Nullable WebSocket socket;

  /**
   * @param subprotocol the subprotocol to offer, or null to offer none
   * @param pingInterval how often to ping; zero for never
   * @param maxMessageBytes the largest message decoded (OkHttp has read it whole by then)
   */
  public ClientSocket(HttpSettings settings, @Nullable String subprotocol, Duration pingInterval, int maxMessageBytes) {
    this.settings = settings;
    this.subprotocol = subprotocol;
    this.http = HttpResources.create(settings, "websocket");
    // The call timeout ends with the handshake; afterwards only pings judge whether the peer is there.
    this.client = http.client().newBuilder()
        .callTimeout(settings.connectTimeout())
        .pingInterval(pingInterval)
        .webSocketCloseTimeout(settings.closeTimeout())
        .build();
    this.codec = settings.codec();
    this.incoming = new Incoming(toString(), codec, maxMessageBytes, new Incoming.Sink() {
      @Override
      public void message(JsonRpcMessage message) {
        inbox.deliver(message);
      }

      @Override
      public void answer(JsonRpcError error) {
        WebSocket current = socket;
        if (current != null) {
          current.send(codec.encodeToString(error));
        }
      }
    });
  }

  /** Opens the socket; the handshake goes on in the background. */
  public void start(McpTransport.Listener listener) {
    inbox.start(listener);
    Request.Builder request = new Request.Builder().url(settings.url());
    Map<String, String> headers = settings.headers().get();
    if (headers != null) {
      headers.forEach(request::header);
    }
    if (subprotocol != null) {
      request.header("Sec-WebSocket-Protocol", subprotocol);
    }
    socket = client.newWebSocket(request.build(), this);
  }

  /** Hands {@code message} to OkHttp; completes at once, or fails if OkHttp would not take it. */
  public CompletableFuture<Void> send(JsonRpcMessage message) {
    WebSocket current = socket;
    if (ended.get() || current == null) {
      return CompletableFuture.failedFuture(new McpConnectionClosedException(
          current == null ? "The WebSocket is not started" : "The WebSocket is closed", null));
    }
    if (!current.send(codec.encodeToString(message))) {
      return CompletableFuture.failedFuture(new McpConnectionClosedException(
          "The WebSocket is closing, or has more than 16 MiB waiting to be sent", null));
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Closes with 1000; OkHttp cancels the socket if the server has not closed its end within the close timeout. */
  public void close() {
    WebSocket current = socket;
    if (current != null) {
      current.close(NORMAL_CLOSURE, null);
    }
    end(null);
  }

  /** For tests: the OkHttp client the transport uses. */
  public OkHttpClient okHttpClient() {
    return client;
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    String chosen = response.header("Sec-WebSocket-Protocol");
    if (chosen != null && !chosen.equals(subprotocol)) {
      webSocket.cancel();
      end(new ProtocolException(
          "The server chose the subprotocol " + chosen + ", which this client did not offer"));
    }
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    incoming.text(text, true);
  }

  @Override
  public void onMessage(WebSocket webSocket, ByteString bytes) {
    incoming.binary(bytes.size(), true);
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(NORMAL_CLOSURE, null);
    end(code == NORMAL_CLOSURE || code == GOING_AWAY ? null
        : new IOException("The server closed the WebSocket: " + code + (reason.isEmpty() ? "" : " " + reason)));
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    end(null);
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable failure, @Nullable Response response) {
    if (response != null && response.code() != 101) {
      end(new ProtocolException("The server refused the WebSocket handshake with HTTP " + response.code()
          + (response.message().isEmpty() ? "" : " " + response.message())));
      return;
    }
    String what = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    end(new IOException("The WebSocket failed: " + what, failure));
  }

  private void end(@Nullable Throwable cause) {
    if (ended.compareAndSet(false, true)) {
      http.shutdown();
      inbox.close(cause);
    }
  }

  /** The socket's URL, as ws or wss. */
  public String endpoint() {
    String http = settings.url().toString();
    return (settings.url().isHttps() ? "wss" : "ws") + http.substring(http.indexOf(':'));
  }

  @Override
  public String toString() {
    String http = settings.url().redact();
    return "WebSocket " + (settings.url().isHttps() ? "wss" : "ws") + http.substring(http.indexOf(':'));
  }
}
