package dev.conduit.protocol.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.McpTimeoutException;
import dev.conduit.protocol.McpTransportException;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.ErrorObject;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.jsonrpc.JsonRpcRequest;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import dev.conduit.protocol.jsonrpc.JsonRpcResult;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.jsonrpc.internal.Json;
import dev.conduit.protocol.transport.CallerThread;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.protocol.transport.TransportContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-agnostic session engine: correlates requests with responses (many in flight at once), times them
 * out, cancels in both directions, routes progress, and fails everything pending when the connection ends.
 *
 * <p>The engine never blocks a transport thread: inbound requests go to the handler executor, inbound notifications
 * to an ordered strand. Protocol meaning (methods, eras, capabilities) is the {@link Handler}'s business.
 */
public final class Session implements McpTransport.Listener {

  private static final Logger log = LoggerFactory.getLogger(Session.class);

  static final String CANCELLED = "notifications/cancelled";
  static final String PROGRESS = "notifications/progress";

  private final McpTransport transport;
  private final Handler handler;
  private final Executor executor;
  private final boolean handleOnDeliveringThread;
  private final SerialExecutor strand;
  private final Map<RequestId, OutboundCall> outbound = new ConcurrentHashMap<>();
  private final Map<RequestId, OutboundCall> progressTargets = new ConcurrentHashMap<>();
  private final Map<RequestId, InboundRequest> inbound = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile @Nullable McpConnectionClosedException closedBecause;

  /** What the owner of a session (a server or a client) does with what arrives. */
  public interface Handler {

    /**
     * Handles an inbound request, on a handler thread (which may block). Completes with the result, or exceptionally
     * with an {@link McpException} for an error response; any other failure is answered as an internal error.
     */
    CompletionStage<JsonPayload> onRequest(InboundRequest request);

    /** Handles an inbound notification, in arrival order, off the transport thread. */
    void onNotification(JsonRpcNotification notification, TransportContext context);

    /** The session ended; {@code cause} is null for an orderly close. */
    default void onClose(@Nullable Throwable cause) {}
  }

  public Session(McpTransport transport, Handler handler, Executor executor) {
    this.transport = transport;
    this.handler = handler;
    this.executor = executor;
    this.handleOnDeliveringThread = transport.deliversRequestsOnWorkerThreads();
    this.strand = new SerialExecutor(executor);
  }

  /** Starts receiving. */
  public void start() {
    transport.start(this);
  }

  /** The transport this session runs on. */
  public McpTransport transport() {
    return transport;
  }

  /** Whether the session has ended. */
  public boolean isClosed() {
    return closed.get();
  }

  /** How many of our requests await a response. */
  public int pendingCount() {
    return outbound.size();
  }

  /**
   * Sends a request and returns its result. Cancelling the returned future cancels the request at the peer.
   *
   * @return completes with the result payload, or exceptionally with an {@link McpException} (the peer's error, an
   *     {@link McpTimeoutException}, or an {@link McpConnectionClosedException})
   */
  public CompletableFuture<JsonPayload> request(String method, @Nullable JsonPayload params, CallOptions options) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(closedError());
    }
    RequestId id = RequestId.of(nextId.incrementAndGet());
    OutboundCall call = new OutboundCall(id, method, options, this::onTimeout);
    outbound.put(id, call);
    if (options.progressToken() != null) {
      progressTargets.put(options.progressToken(), call);
    }
    call.future().whenComplete((result, failure) -> finish(call, failure));
    if (options.onId() != null) {
      options.onId().accept(id);
    }
    // A caller that waits for the answer may be the one to carry the whole exchange, so that send returns only once
    // the answer is in: its timer must run meanwhile. (A timeout that fires before the request is on its way cancels
    // a request the peer has not seen; the peer ignores that, and the late answer is ignored here.)
    boolean armedFirst = options.timeout() != null && CallerThread.waitsForAnswer();
    if (armedFirst) {
      call.armTimeout(options.timeout());
    }
    transport
        .send(new JsonRpcRequest(id, method, params), options.relatedRequest())
        .whenComplete(
            (sent, failure) -> {
              if (failure != null) {
                call.future().completeExceptionally(
                    new McpConnectionClosedException("Could not send " + method + ": " + failure.getMessage(),
                        failure));
              }
            });
    // Armed only once the request is queued on the transport, so that a cancellation can never overtake it.
    if (options.timeout() != null && !armedFirst) {
      call.armTimeout(options.timeout());
    }
    if (closed.get()) {
      // The session closed while the request was being registered; make sure it does not wait forever.
      call.future().completeExceptionally(closedError());
    }
    return call.future();
  }

  /** Sends a notification. */
  public CompletionStage<Void> notify(String method, @Nullable JsonPayload params, @Nullable RequestId related) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(closedError());
    }
    return transport.send(new JsonRpcNotification(method, params), related);
  }

  /**
   * Closes the session once the requests it is serving have been answered, or after {@code drain} at the latest.
   * Answers that are already on their way (a result completed a moment ago) still go out.
   */
  public CompletableFuture<Void> closeGracefully(Duration drain) {
    CompletableFuture<Void> closedDone = new CompletableFuture<>();
    long deadline = System.nanoTime() + drain.toNanos();
    Runnable check = new Runnable() {
      @Override
      public void run() {
        if (inbound.isEmpty() || closed.get() || System.nanoTime() - deadline >= 0) {
          close();
          closedDone.complete(null);
        } else {
          Threads.scheduler().schedule(this, 10, TimeUnit.MILLISECONDS);
        }
      }
    };
    check.run();
    return closedDone;
  }

  /** Closes the session and its transport; fails every pending request. Idempotent. */
  public void close() {
    shutDown(null);
    transport.close();
  }

  @Override
  public void onMessage(JsonRpcMessage message, TransportContext context) {
    if (closed.get()) {
      return;
    }
    if (message instanceof JsonRpcRequest request) {
      acceptRequest(request, context);
    } else if (message instanceof JsonRpcResponse response) {
      acceptResponse(response, context.isLocalFailure());
    } else {
      acceptNotification((JsonRpcNotification) message, context);
    }
  }

  @Override
  public void onClose(@Nullable Throwable cause) {
    shutDown(cause);
  }

  private void acceptRequest(JsonRpcRequest request, TransportContext context) {
    InboundRequest call =
        new InboundRequest(request.id(), request.method(), request.params(), context, new Cancellation());
    if (inbound.putIfAbsent(request.id(), call) != null) {
      transport.send(
          JsonRpcError.of(request.id(), ErrorCodes.INVALID_REQUEST,
              "Invalid Request: id " + request.id() + " is already in use by a request in progress"),
          request.id());
      return;
    }
    if (handleOnDeliveringThread) {
      handle(call);
    } else {
      executor.execute(() -> handle(call));
    }
  }

  private void handle(InboundRequest call) {
    if (call.cancellation().isCancelled()) {
      // Cancelled while queued: the peer no longer wants an answer, so the handler need not run at all.
      inbound.remove(call.id(), call);
      return;
    }
    CompletionStage<JsonPayload> result;
    call.cancellation().enter();
    try {
      result = handler.onRequest(call);
    } catch (RuntimeException | Error e) {
      result = CompletableFuture.failedFuture(e);
    } finally {
      call.cancellation().exit();
    }
    result.whenComplete((value, failure) -> respond(call, value, failure));
  }

  private void respond(InboundRequest call, @Nullable JsonPayload result, @Nullable Throwable failure) {
    inbound.remove(call.id(), call);
    if (call.cancellation().isCancelled()) {
      log.debug("Not answering cancelled request {} {}", call.method(), call.id());
      return;
    }
    if (closed.get()) {
      return;
    }
    JsonRpcResponse response =
        failure == null
            ? new JsonRpcResult(call.id(), result == null ? JsonPayload.of(Json.MAPPER.createObjectNode()) : result)
            : new JsonRpcError(call.id(), SessionValues.toMcpException(call.method(), failure).toErrorObject());
    transport
        .send(response, call.id())
        .whenComplete(
            (sent, error) -> {
              if (error != null) {
                log.debug("Could not send the response to {} {}", call.method(), call.id(), error);
              }
            });
  }

  private void acceptResponse(JsonRpcResponse response, boolean local) {
    RequestId id = response.id();
    if (id == null) {
      JsonRpcError error = (JsonRpcError) response;
      log.warn("Peer reported an error about an unreadable message: {} {}", error.error().code(),
          error.error().message());
      return;
    }
    OutboundCall call = outbound.remove(id);
    if (call == null) {
      log.debug("Ignoring a response to {}, which is not in flight (late, cancelled or unknown)", id);
      return;
    }
    call.markAnswered();
    if (call.options().onProgress() != null || call.hasNotificationsQueued()) {
      // Keep the order the peer sent: what it sent about the call before answering it reaches the listeners first.
      strand.execute(() -> complete(call, response, local));
    } else {
      complete(call, response, local);
    }
  }

  private static void complete(OutboundCall call, JsonRpcResponse response, boolean local) {
    if (response instanceof JsonRpcResult result) {
      call.future().complete(result.result());
    } else {
      ErrorObject error = ((JsonRpcError) response).error();
      call.future().completeExceptionally(
          local ? new McpTransportException(error.code(), error.message()) : McpException.fromError(error));
    }
  }

  private void acceptNotification(JsonRpcNotification notification, TransportContext context) {
    switch (notification.method()) {
      case CANCELLED -> cancelInbound(notification.params());
      case PROGRESS -> {
        routeProgress(notification.params());
        strand.execute(() -> handler.onNotification(notification, context));
      }
      default -> {
        RequestId related = context.relatedRequest();
        OutboundCall call = related == null ? null : outbound.get(related);
        if (call == null) {
          strand.execute(() -> handler.onNotification(notification, context));
        } else {
          call.notificationQueued();
          strand.execute(() -> {
            try {
              handler.onNotification(notification, context);
            } finally {
              call.notificationDelivered();
            }
          });
        }
      }
    }
  }

  private void cancelInbound(@Nullable JsonPayload params) {
    RequestId id = SessionValues.idMember(params, "requestId");
    if (id == null) {
      log.debug("Ignoring a cancellation without a request id");
      return;
    }
    InboundRequest call = inbound.get(id);
    if (call == null) {
      log.debug("Ignoring a cancellation of {}, which is not in progress", id);
      return;
    }
    String reason = params == null ? null : params.memberText("reason");
    call.cancellation().cancel(reason);
  }

  private void routeProgress(@Nullable JsonPayload params) {
    RequestId token = SessionValues.idMember(params, "progressToken");
    OutboundCall call = token == null ? null : progressTargets.get(token);
    if (call == null || params == null) {
      return;
    }
    call.extendTimeout();
    var listener = call.options().onProgress();
    if (listener != null) {
      strand.execute(() -> listener.accept(params));
    }
  }

  private void finish(OutboundCall call, @Nullable Throwable failure) {
    outbound.remove(call.id(), call);
    RequestId token = call.options().progressToken();
    if (token != null) {
      progressTargets.remove(token, call);
    }
    call.disarmTimeout();
    if (failure instanceof CancellationException && !call.answered()) {
      sendCancelled(call, "Cancelled by the requester");
    }
  }

  private void onTimeout(OutboundCall call) {
    McpTimeoutException timeout = new McpTimeoutException(call.method(), call.elapsed());
    if (call.future().completeExceptionally(timeout) && call.options().cancelOnTimeout()) {
      sendCancelled(call, timeout.getMessage());
    }
  }

  private void sendCancelled(OutboundCall call, String reason) {
    if (closed.get()) {
      return;
    }
    ObjectNode params = Json.MAPPER.createObjectNode();
    params.set("requestId", Json.MAPPER.valueToTree(call.id()));
    params.put("reason", reason);
    notify(CANCELLED, JsonPayload.of(params), call.options().relatedRequest());
  }

  private void shutDown(@Nullable Throwable cause) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    String message = cause == null ? "Connection closed" : "Connection lost: " + cause.getMessage();
    closedBecause = new McpConnectionClosedException(message, cause);
    for (OutboundCall call : List.copyOf(outbound.values())) {
      call.future().completeExceptionally(new McpConnectionClosedException(message, cause));
    }
    for (InboundRequest call : List.copyOf(inbound.values())) {
      call.cancellation().cancel(message);
    }
    strand.execute(() -> handler.onClose(cause));
  }

  /** Why a call on a closed session fails: the reason the session ended, such as the server process's exit. */
  private McpConnectionClosedException closedError() {
    McpConnectionClosedException reason = closedBecause;
    String message = reason == null ? "Connection is closed" : "Connection is closed (" + reason.getMessage() + ")";
    return new McpConnectionClosedException(message, reason == null ? null : reason.getCause());
  }
}
