package dev.conduit.protocol.client.internal;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Subscription;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.schema.SubscriptionFilter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** A client's {@code subscriptions/listen} stream. */
final class ListenSubscription implements Subscription {
  private final Map<RequestId, ListenSubscription> registry;
  private final CompletableFuture<SubscriptionFilter> acknowledged = new CompletableFuture<>();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private volatile @Nullable RequestId id;
  private volatile @Nullable CompletableFuture<JsonPayload> request;

  ListenSubscription(Map<RequestId, ListenSubscription> registry) {
    this.registry = registry;
  }

  void opened(RequestId requestId) {
    this.id = requestId;
    registry.put(requestId, this);
  }

  void track(CompletableFuture<JsonPayload> call) {
    this.request = call;
    call.whenComplete((result, failure) -> {
      RequestId requestId = id;
      if (requestId != null) {
        registry.remove(requestId, this);
      }
      if (failure != null) {
        acknowledged.completeExceptionally(failure);
      } else {
        acknowledged.completeExceptionally(new McpException(ErrorCodes.INTERNAL_ERROR,
            "The server ended the subscription without acknowledging it"));
      }
      ended.complete(null);
    });
  }

  void acknowledge(SubscriptionFilter filter) {
    acknowledged.complete(filter);
  }

  @Override
  public CompletionStage<SubscriptionFilter> acknowledged() {
    return acknowledged;
  }

  @Override
  public CompletionStage<Void> ended() {
    return ended;
  }

  @Override
  public void close() {
    CompletableFuture<JsonPayload> call = request;
    if (call != null) {
      call.cancel(true);
    }
  }
}
