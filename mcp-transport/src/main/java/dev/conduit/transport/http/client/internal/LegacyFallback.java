package dev.conduit.transport.http.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The switch of a Streamable HTTP client to the 2024-11-05 HTTP+SSE transport, made at most once: when the server
 * turns the first {@code initialize} down with 400, 404 or 405, the client GETs the same URL and, if an {@code
 * endpoint} event arrives, sends everything through that transport from then on.
 */
final class LegacyFallback {

  private final Object lock = new Object();
  private volatile @Nullable CompletableFuture<LegacySseClient> client;

  /** The fallback client (possibly still connecting) once the switch has begun, else {@code null}. */
  @Nullable CompletableFuture<LegacySseClient> current() {
    return client;
  }

  /** Whether the switch has been made and the old transport works. */
  boolean active() {
    CompletableFuture<LegacySseClient> current = client;
    return current != null && current.isDone() && !current.isCompletedExceptionally();
  }

  /**
   * Begins the switch, unless it has begun already, and sends {@code initialize} over the old transport.
   *
   * @return completes when the old transport's server accepted {@code initialize}
   */
  CompletableFuture<Void> begin(Supplier<LegacySseClient> factory, Outgoing initialize) {
    CompletableFuture<LegacySseClient> legacy;
    synchronized (lock) {
      legacy = client;
      if (legacy == null) {
        LegacySseClient created = factory.get();
        legacy = created.connect().thenApply(ignored -> created);
        client = legacy;
      }
    }
    return legacy.thenCompose(connected -> connected.send(initialize));
  }

  /** Stops the old transport's stream, if there is one. */
  void close() {
    CompletableFuture<LegacySseClient> current = client;
    if (current != null) {
      current.thenAccept(LegacySseClient::close);
    }
  }
}
