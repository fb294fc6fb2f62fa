package dev.conduit.protocol.client;

import dev.conduit.protocol.schema.SubscriptionFilter;
import java.util.concurrent.CompletionStage;

/**
 * An open {@code subscriptions/listen} stream (2026-07-28). Notifications arrive at the client's listeners; closing
 * the subscription ends the stream.
 */
public interface Subscription extends AutoCloseable {

  /** Completes with what the server agreed to send, once it acknowledges the subscription. */
  CompletionStage<SubscriptionFilter> acknowledged();

  /** Completes when the stream ends, by either side. */
  CompletionStage<Void> ended();

  /** Ends the stream. */
  @Override
  void close();
}
