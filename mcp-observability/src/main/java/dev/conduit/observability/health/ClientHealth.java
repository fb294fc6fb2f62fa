package dev.conduit.observability.health;

import dev.conduit.observability.internal.RequestOutcome;
import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.McpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The health of an upstream server as an {@link McpClient} sees it: a {@code ping} that must be answered within a
 * timeout. Up with the latency; degraded when the answer is slower than a threshold, if one is set; down when the
 * ping fails, times out or the connection is closed. The details never hold the peer's error message.
 */
public final class ClientHealth implements HealthIndicator {

  private final McpClient client;
  private final Duration timeout;
  private final Duration degradedAbove;

  private ClientHealth(McpClient client, Duration timeout, Duration degradedAbove) {
    this.client = Objects.requireNonNull(client, "client");
    this.timeout = positive(timeout, "timeout");
    this.degradedAbove = positive(degradedAbove, "degradedAbove");
  }

  /** Pings through {@code client}, waiting at most {@code timeout}. */
  public static ClientHealth of(McpClient client, Duration timeout) {
    return new ClientHealth(client, timeout, timeout);
  }

  /** Pings through {@code client}, waiting at most {@code timeout}; degraded if the answer took over {@code slow}. */
  public static ClientHealth of(McpClient client, Duration timeout, Duration slow) {
    return new ClientHealth(client, timeout, slow);
  }

  @Override
  public Health check() {
    Map<String, Object> details = new LinkedHashMap<>();
    if (client.serverInfo() != null) {
      details.put("server", client.serverInfo().name());
    }
    long start = System.nanoTime();
    CompletableFuture<Void> ping;
    try {
      ping = client.async().ping();
    } catch (RuntimeException e) {
      return down(details, e);
    }
    try {
      ping.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      ping.cancel(true);
      details.put("reason", "no answer within " + timeout.toMillis() + " ms");
      return Health.down(details);
    } catch (ExecutionException e) {
      return down(details, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ping.cancel(true);
      details.put("reason", "interrupted");
      return Health.down(details);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    details.put("latencyMs", millis);
    if (System.nanoTime() - start > degradedAbove.toNanos()) {
      details.put("reason", "slower than " + degradedAbove.toMillis() + " ms");
      return Health.degraded(details);
    }
    return Health.up(details);
  }

  private static Health down(Map<String, Object> details, Throwable failure) {
    Throwable cause = RequestOutcome.unwrap(failure);
    if (cause instanceof McpConnectionClosedException) {
      details.put("reason", "connection closed");
    } else if (cause instanceof McpException mcp) {
      details.put("reason", "error " + mcp.code());
    } else {
      details.put("reason", "ping failed");
    }
    return Health.down(details);
  }

  private static Duration positive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
    return duration;
  }
}
