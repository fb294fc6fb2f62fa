package dev.conduit.observability.internal;

import dev.conduit.protocol.interceptor.McpRequest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-flight counts behind the {@code mcp.<side>.requests.active} gauges, one per registry and side. A registry
 * keeps the first gauge registered under a name and ignores later ones; so every metrics interceptor of a registry
 * must count into the same number, or only the first interceptor's requests would show.
 */
public final class ActiveRequests {

  // Weak keys: the counts live as long as their registry does.
  private static final Map<MeterRegistry, Map<McpRequest.Side, AtomicInteger>> COUNTS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private ActiveRequests() {}

  /** The in-flight count of {@code side} in {@code registry}, its gauge registered on first use. */
  public static AtomicInteger of(MeterRegistry registry, McpRequest.Side side) {
    synchronized (COUNTS) {
      Map<McpRequest.Side, AtomicInteger> sides =
          COUNTS.computeIfAbsent(registry, r -> new EnumMap<>(McpRequest.Side.class));
      return sides.computeIfAbsent(side, s -> {
        AtomicInteger count = new AtomicInteger();
        Gauge.builder("mcp." + s.name().toLowerCase(Locale.ROOT) + ".requests.active", count, AtomicInteger::get)
            .description("Requests in flight")
            .strongReference(true)
            .register(registry);
        return count;
      });
    }
  }
}
