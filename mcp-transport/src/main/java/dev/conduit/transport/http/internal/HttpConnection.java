package dev.conduit.transport.http.internal;

import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.protocol.transport.TransportContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport of one logical MCP connection over HTTP: a legacy session (many POSTs, one GET stream), or a single
 * POST (stateless and 2026-07-28 requests). Each outbound message goes on exactly one stream: a response and what
 * belongs to a request in flight on that request's stream, everything else on the GET stream (if there is one).
 */
final class HttpConnection implements McpTransport {

  private static final Logger log = LoggerFactory.getLogger(HttpConnection.class);

  private final Wiring wiring;
  private final String name;
  private final @Nullable String sessionId;
  private final @Nullable StandaloneStream standalone;
  private final boolean singleRequest;
  private final Map<RequestId, RequestStream> open = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile @Nullable Listener listener;
  private volatile @Nullable Runnable onClose;

  /**
   * @param sessionId the {@code Mcp-Session-Id} of a session, or null
   * @param standalone the GET stream of a session, or null
   * @param singleRequest whether the connection ends once its request is answered
   */
  HttpConnection(Wiring wiring, String name, @Nullable String sessionId, @Nullable StandaloneStream standalone,
      boolean singleRequest) {
    this.wiring = wiring;
    this.name = name;
    this.sessionId = sessionId;
    this.standalone = standalone;
    this.singleRequest = singleRequest;
  }

  /** Runs once when the connection closes, by either side. */
  void onClose(Runnable callback) {
    this.onClose = callback;
  }

  @Override
  public void start(Listener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Registers the stream that answers a request about to be delivered.
   *
   * @return false if a request with the same id is still in flight
   */
  boolean register(RequestStream stream) {
    return !closed.get() && open.putIfAbsent(stream.requestId(), stream) == null;
  }

  /** Whether requests are in flight. */
  boolean busy() {
    return !open.isEmpty();
  }

  /** Hands an inbound message to the MCP engine. */
  void receive(JsonRpcMessage message, TransportContext context) {
    Listener current = listener;
    if (current != null && !closed.get()) {
      current.onMessage(message, context);
    }
  }

  @Override
  public CompletionStage<Void> send(JsonRpcMessage message, @Nullable RequestId relatedRequest) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(new IllegalStateException(name + " is closed"));
    }
    byte[] json;
    try {
      json = wiring.codec().encode(message);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (message instanceof JsonRpcResponse response) {
      RequestStream stream = response.id() == null ? null : open.remove(response.id());
      if (stream == null) {
        log.debug("{}: no stream awaits the response to {}; dropped", name, response.id());
      } else {
        stream.deliver(message, json);
      }
      if (singleRequest && open.isEmpty()) {
        close();
      }
      return CompletableFuture.completedFuture(null);
    }
    RequestStream stream = relatedRequest == null ? null : open.get(relatedRequest);
    if (stream != null && stream.accepting()) {
      stream.deliver(message, json);
    } else if (standalone != null) {
      standalone.deliver(json);
    } else {
      log.debug("{}: no stream for a message unrelated to any request in flight; dropped", name);
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public @Nullable String sessionId() {
    return sessionId;
  }

  @Override
  public boolean deliversRequestsOnWorkerThreads() {
    return wiring.handlersOnExchangeThreads();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<RequestStream> abandoned = List.copyOf(open.values());
    open.clear();
    abandoned.forEach(RequestStream::abandon);
    if (standalone != null) {
      standalone.close();
    }
    Listener current = listener;
    listener = null;
    if (current != null) {
      current.onClose(null);
    }
    Runnable callback = onClose;
    if (callback != null) {
      callback.run();
    }
  }

  boolean isClosed() {
    return closed.get();
  }

  @Override
  public String toString() {
    return name;
  }
}
