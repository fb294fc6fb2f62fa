package dev.conduit.transport.http.client.internal;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews a session the server has forgotten (it answered 404 to a request that carried the session id): replays the
 * client's {@code initialize} without a session id, under an id of the transport's own so that the engine never sees
 * the answer, takes the new session id, and sends {@code notifications/initialized}. The message that met the 404
 * is then sent again, and the engine never knows.
 *
 * <p>Several messages may meet the 404 at once; they share one renewal. If the renewal fails, the transport ends
 * with that failure.
 */
final class Reinitializer {

  private static final Logger log = LoggerFactory.getLogger(Reinitializer.class);

  private final StreamableClient client;
  private final SessionState state;
  private final AtomicLong ids = new AtomicLong();
  private @Nullable String expired;
  private @Nullable CompletableFuture<Void> renewal;

  Reinitializer(StreamableClient client, SessionState state) {
    this.client = client;
    this.state = state;
  }

  /** The renewal in progress, or {@code null}. */
  synchronized @Nullable CompletableFuture<Void> pending() {
    return renewal != null && !renewal.isDone() ? renewal : null;
  }

  /** Renews the session, unless {@code stale} has been replaced already; completes when messages may go again. */
  synchronized CompletableFuture<Void> reinitialize(String stale) {
    if (renewal != null && stale.equals(expired)) {
      return renewal;
    }
    Outgoing original = state.initialize();
    if (!state.expire(stale)) {
      return CompletableFuture.completedFuture(null);
    }
    if (original == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("No initialize request to replay"));
    }
    expired = stale;
    CompletableFuture<Void> result = new CompletableFuture<>();
    renewal = result;
    renew(original).whenComplete((ok, failure) -> {
      if (failure == null) {
        log.debug("Session renewed: {}", state.sessionId());
        result.complete(null);
      } else {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        McpConnectionClosedException ended = new McpConnectionClosedException(
            "The server ended the session, and initializing again failed: " + cause.getMessage(), cause);
        result.completeExceptionally(ended);
        client.terminate(ended);
      }
    });
    return result;
  }

  private CompletableFuture<Void> renew(Outgoing original) {
    RequestId id = RequestId.of("conduit-reinitialize-" + ids.incrementAndGet());
    Outgoing replay = original.withId(id, client.codec());
    CompletableFuture<JsonRpcResponse> answer = new CompletableFuture<>();
    client.dispatchInternal(replay, answer).whenComplete((sent, failure) -> {
      if (failure != null) {
        answer.completeExceptionally(failure);
      }
    });
    return answer.thenCompose(response -> {
      if (response instanceof JsonRpcError error) {
        throw new CompletionException(McpException.fromError(error.error()));
      }
      Outgoing initialized =
          Outgoing.of(new JsonRpcNotification(Outgoing.INITIALIZED, null), client.codec());
      return client.dispatchInternal(initialized, null);
    });
  }
}
