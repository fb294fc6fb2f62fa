package dev.conduit.transport.http.client.internal;

import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * A request whose response has not arrived yet, with the HTTP call that currently waits for it (the POST, or a GET
 * that resumes its stream), so that the request can be cancelled by closing that call.
 *
 * <p>A request the transport makes for itself (the replayed {@code initialize}) has an {@link #internal} future
 * that receives its response instead of the listener.
 */
final class InFlight {

  private final Outgoing request;
  private final @Nullable CompletableFuture<JsonRpcResponse> internal;
  private @Nullable Call call;
  private boolean cancelled;

  InFlight(Outgoing request, @Nullable CompletableFuture<JsonRpcResponse> internal) {
    this.request = request;
    this.internal = internal;
  }

  Outgoing request() {
    return request;
  }

  RequestId id() {
    return Objects.requireNonNull(request.id());
  }

  @Nullable CompletableFuture<JsonRpcResponse> internal() {
    return internal;
  }

  /**
   * Makes {@code next} the call to cancel.
   *
   * @return false if the request was cancelled already (the call is then cancelled at once)
   */
  boolean attach(Call next) {
    synchronized (this) {
      if (!cancelled) {
        call = next;
        return true;
      }
    }
    next.cancel();
    return false;
  }

  /** Cancels the call in progress and any to come. */
  void cancel() {
    Call current;
    synchronized (this) {
      cancelled = true;
      current = call;
    }
    if (current != null) {
      current.cancel();
    }
  }

  synchronized boolean isCancelled() {
    return cancelled;
  }
}
