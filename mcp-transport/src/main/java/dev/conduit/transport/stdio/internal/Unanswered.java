package dev.conduit.transport.stdio.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.jsonrpc.JsonRpcRequest;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The peer's requests we have not answered yet. When the peer closes its side of a pipe after its last request
 * ({@code printf '...' | server}), the answers still in progress are worth waiting for, briefly, before the connection
 * is declared closed. Only ids are looked at; the engine above still owns what requests mean.
 */
final class Unanswered {

  private static final String CANCELLED = "notifications/cancelled";

  // A subscriptions/listen stream is answered only when it ends, which a peer that has stopped sending never asks
  // for; waiting for it would only delay every exit.
  private static final String LISTEN = "subscriptions/listen";

  private final Set<RequestId> ids = ConcurrentHashMap.newKeySet();

  void received(JsonRpcMessage message) {
    if (message instanceof JsonRpcRequest request) {
      if (!request.method().equals(LISTEN)) {
        ids.add(request.id());
      }
    } else if (message instanceof JsonRpcNotification notification && notification.method().equals(CANCELLED)) {
      // A cancelled request is never answered.
      RequestId id = requestId(notification.params());
      if (id != null) {
        answered(id);
      }
    }
  }

  void sent(JsonRpcMessage message) {
    if (message instanceof JsonRpcResponse response && response.id() != null) {
      answered(response.id());
    }
  }

  /** Waits until every request has been answered; {@code false} if some are still open after {@code timeout}. */
  synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ids.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  private void answered(RequestId id) {
    if (ids.remove(id) && ids.isEmpty()) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  private static @Nullable RequestId requestId(@Nullable JsonPayload params) {
    JsonPayload member = params == null ? null : params.member("requestId");
    if (member == null) {
      return null;
    }
    JsonNode node = member.tree();
    if (node.isTextual()) {
      return RequestId.of(node.textValue());
    }
    return node.isIntegralNumber() ? RequestId.ofNumberText(node.asText()) : null;
  }
}
