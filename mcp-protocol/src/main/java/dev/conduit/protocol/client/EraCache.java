package dev.conduit.protocol.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Remembers which era each server spoke when a client asked it ({@link Era#AUTO}), so that the next client to the
 * same server speaks that era at once instead of probing with {@code server/discover} again. A server is known by its
 * transport's {@link dev.conduit.protocol.transport.McpTransport#endpoint() endpoint} (an HTTP transport's URL); a
 * transport without one (stdio) is always probed. If a remembered era fails to connect, the client forgets it and
 * probes again.
 *
 * <p>{@link #shared()} is what clients use unless told otherwise; thread-safe, and bounded: the least recently used
 * servers are forgotten first.
 */
public final class EraCache {

  private static final int SHARED_CAPACITY = 1024;
  private static final EraCache SHARED = new EraCache(SHARED_CAPACITY);
  private static final EraCache NONE = new EraCache(0);

  private final int capacity;
  private final Map<String, Era> eras;

  private EraCache(int capacity) {
    this.capacity = capacity;
    this.eras = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Era> eldest) {
        return size() > EraCache.this.capacity;
      }
    };
  }

  /** The process-wide memory that clients use by default. */
  public static EraCache shared() {
    return SHARED;
  }

  /** A memory of its own that holds up to {@code capacity} servers. */
  public static EraCache of(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    return new EraCache(capacity);
  }

  /** A memory that remembers nothing: every client probes. */
  public static EraCache none() {
    return NONE;
  }

  /** The era {@code endpoint} spoke last time, or {@code null} if it is not remembered. */
  public synchronized @Nullable Era get(String endpoint) {
    return eras.get(Objects.requireNonNull(endpoint, "endpoint"));
  }

  /** Remembers that {@code endpoint} speaks {@code era} ({@link Era#LEGACY} or {@link Era#MODERN}). */
  public synchronized void put(String endpoint, Era era) {
    if (era == Era.AUTO) {
      throw new IllegalArgumentException("remember an era the server spoke, not AUTO");
    }
    if (capacity > 0) {
      eras.put(Objects.requireNonNull(endpoint, "endpoint"), era);
    }
  }

  /** Forgets what {@code endpoint} spoke. */
  public synchronized void forget(String endpoint) {
    eras.remove(Objects.requireNonNull(endpoint, "endpoint"));
  }
}
