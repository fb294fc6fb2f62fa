package dev.conduit.transport.bridge.internal;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.client.McpAsyncClient;
import dev.conduit.protocol.client.Subscription;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.ServerCapabilities;
import dev.conduit.protocol.schema.SubscriptionFilter;
import dev.conduit.protocol.server.ListKind;
import dev.conduit.protocol.server.ServerSession;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to the upstream and what rides on it: the downstream sessions it serves, the resources they follow
 * (subscribed upstream once however many follow them), the log level, and for a 2026-07-28 upstream the listen stream
 * that brings list changes and resource updates. A connection that dies is opened again: after a backoff if the
 * upstream is restarted (a process), otherwise at the next call. After a restart every session it serves is told
 * that the lists changed, since a new process may offer other features.
 */
final class Link {

  private static final Logger log = LoggerFactory.getLogger(Link.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final BridgeCore core;
  private final @Nullable ServerSession owner;
  private final Set<ServerSession> paired = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> followed = new HashMap<>();
  private @Nullable LoggingLevel level;
  private @Nullable Subscription listen;
  private volatile @Nullable CompletableFuture<McpAsyncClient> current;
  private @Nullable McpAsyncClient live;
  private volatile boolean closed;
  private int restarts;
  private long upSince;
  private boolean everConnected;

  /** @param owner the downstream session this link serves alone, or null for the link every session may share */
  Link(BridgeCore core, @Nullable ServerSession owner) {
    this.core = core;
    this.owner = owner;
  }

  @Nullable ServerSession owner() {
    return owner;
  }

  /** The upstream connection, connecting (or waiting for a restart) if there is none. */
  CompletableFuture<McpAsyncClient> client() {
    CompletableFuture<McpAsyncClient> known = current;
    if (known != null && !(core.restarts() == null && isDead(known))) {
      return known;
    }
    synchronized (this) {
      known = current;
      if (known == null || core.restarts() == null && isDead(known)) {
        known = new CompletableFuture<>();
        current = known;
        open(known);
      }
      return known;
    }
  }

  private static boolean isDead(CompletableFuture<McpAsyncClient> client) {
    return client.isDone() && (client.isCompletedExceptionally() || client.join().isClosed());
  }

  /** Whether the upstream connection is up now. */
  boolean isConnected() {
    CompletableFuture<McpAsyncClient> known = current;
    return known != null && known.isDone() && !isDead(known);
  }

  private void open(CompletableFuture<McpAsyncClient> target) {
    if (closed) {
      target.completeExceptionally(new McpConnectionClosedException("The bridge is closed", null));
      return;
    }
    core.connect(this).whenComplete((client, failure) -> {
      if (failure != null) {
        log.warn("Could not connect to upstream {}: {}", core.upstreamName(), failure.getMessage());
        target.completeExceptionally(failure);
        restartLater();
        return;
      }
      if (closed) {
        client.close();
        target.completeExceptionally(new McpConnectionClosedException("The bridge is closed", null));
        return;
      }
      boolean restarted;
      List<String> uris;
      LoggingLevel wanted;
      synchronized (this) {
        restarted = everConnected;
        everConnected = true;
        upSince = System.nanoTime();
        live = client;
        uris = List.copyOf(followed.keySet());
        wanted = level;
      }
      client.closeFuture().whenComplete((ok, cause) -> ended(client, cause));
      restore(client, uris, wanted);
      target.complete(client);
      if (restarted) {
        for (ListKind kind : ListKind.values()) {
          core.toSessions(this, session -> session.notifyListChanged(kind));
        }
      }
    });
  }

  private void ended(McpAsyncClient client, @Nullable Throwable cause) {
    synchronized (this) {
      if (live == client) {
        live = null;
      }
    }
    if (closed) {
      return;
    }
    log.warn("The connection to upstream {} ended{}", core.upstreamName(),
        cause == null ? "" : ": " + cause.getMessage());
    restartLater();
  }

  /** Opens the connection again after the backoff, if this upstream is restarted; otherwise at the next call. */
  private void restartLater() {
    Duration first = core.restarts();
    if (first == null || closed) {
      return;
    }
    CompletableFuture<McpAsyncClient> next = new CompletableFuture<>();
    long delay;
    synchronized (this) {
      if (System.nanoTime() - upSince > MAX_BACKOFF.toNanos()) {
        restarts = 0;
      }
      delay = Math.min(MAX_BACKOFF.toMillis(), first.toMillis() << Math.min(restarts, 16));
      restarts++;
      current = next;
    }
    log.info("Restarting upstream {} in {} ms", core.upstreamName(), delay);
    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> open(next));
  }

  /** Brings a new connection to the state the sessions expect: their subscriptions and log level. */
  private void restore(McpAsyncClient client, List<String> uris, @Nullable LoggingLevel wanted) {
    if (client.isModern()) {
      relisten(client);
      return;
    }
    if (wanted != null && client.serverCapabilities().hasLogging()) {
      client.setLoggingLevel(wanted);
    }
    uris.forEach(uri -> subscribeUpstream(client, uri));
  }

  void pair(ServerSession session) {
    paired.add(session);
  }

  void unpair(ServerSession session) {
    paired.remove(session);
  }

  /** The downstream sessions this link serves (besides the 2026-07-28 connections, which any shared link serves). */
  Set<ServerSession> paired() {
    return paired;
  }

  /** A downstream session follows {@code uri}: the first one subscribes upstream. */
  void follow(String uri) {
    boolean first;
    synchronized (this) {
      first = followed.merge(uri, 1, Integer::sum) == 1;
    }
    if (first) {
      whenConnected(client -> {
        if (client.isModern()) {
          relisten(client);
        } else {
          subscribeUpstream(client, uri);
        }
      });
    }
  }

  /** A downstream session no longer follows {@code uri}: the last one unsubscribes upstream. */
  void unfollow(String uri) {
    boolean last;
    synchronized (this) {
      Integer count = followed.get(uri);
      if (count == null) {
        return;
      }
      last = count == 1;
      if (last) {
        followed.remove(uri);
      } else {
        followed.put(uri, count - 1);
      }
    }
    if (last) {
      whenConnected(client -> {
        if (client.isModern()) {
          relisten(client);
        } else {
          client.unsubscribeResource(uri).exceptionally(failure -> {
            log.debug("Upstream {} refused to unsubscribe from {}: {}", core.upstreamName(), uri,
                failure.getMessage());
            return null;
          });
        }
      });
    }
  }

  /** The level of log messages a downstream session wants, passed on to a legacy upstream. */
  void logLevel(LoggingLevel wanted) {
    synchronized (this) {
      if (owner == null && level != null && !level.isAtLeast(wanted)) {
        return; // a shared connection keeps the most verbose level any session asked for
      }
      level = wanted;
    }
    whenConnected(client -> {
      if (!client.isModern() && client.serverCapabilities().hasLogging()) {
        client.setLoggingLevel(wanted);
      }
    });
  }

  private void subscribeUpstream(McpAsyncClient client, String uri) {
    client.subscribeResource(uri).exceptionally(failure -> {
      log.debug("Upstream {} refused a subscription to {}: {}", core.upstreamName(), uri, failure.getMessage());
      return null;
    });
  }

  /** Opens a listen stream for what the downstream sessions follow now, closing the one before. */
  private void relisten(McpAsyncClient client) {
    ServerCapabilities upstream = client.serverCapabilities();
    SubscriptionFilter filter;
    Subscription previous;
    synchronized (this) {
      filter = SubscriptionFilter.listChanges(upstream.notifiesToolsChanges(), upstream.notifiesPromptsChanges(),
          upstream.notifiesResourcesChanges());
      if (!followed.isEmpty() && upstream.supportsResourceSubscriptions()) {
        filter = filter.withResourceSubscriptions(followed.keySet().toArray(String[]::new));
      }
      previous = listen;
      listen = null;
    }
    if (previous != null) {
      previous.close();
    }
    if (filter.toolsListChanged() == null && filter.promptsListChanged() == null
        && filter.resourcesListChanged() == null && filter.resourceSubscriptions() == null) {
      return;
    }
    Subscription next = client.listen(filter);
    synchronized (this) {
      listen = next;
    }
  }

  /**
   * Does {@code action} on the live connection; if there is none, makes sure one is on its way, and the state it is
   * restored to when it comes includes the change just made (both are decided under the lock).
   */
  private void whenConnected(Consumer<McpAsyncClient> action) {
    McpAsyncClient now;
    synchronized (this) {
      now = live;
    }
    if (now != null) {
      action.accept(now);
    } else {
      client();
    }
  }

  void close() {
    closed = true;
    CompletableFuture<McpAsyncClient> known = current;
    if (known != null) {
      known.thenAccept(McpAsyncClient::close);
    }
  }
}
