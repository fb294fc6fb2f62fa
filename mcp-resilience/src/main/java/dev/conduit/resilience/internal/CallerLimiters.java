package dev.conduit.resilience.internal;

import dev.conduit.protocol.interceptor.McpRequest;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One rate limiter per caller, all configured alike. They stay out of the user's registry on purpose: callers are
 * unbounded, and an identity (an API key, say) must not become a metric name. The least recently seen callers are
 * forgotten beyond {@code maxCallers}.
 */
public final class CallerLimiters implements Function<McpRequest, RateLimiter> {

  /** The key of requests whose identity is unknown (no session, no header); they share one limiter. */
  static final String ANONYMOUS = "";

  private final String name;
  private final RateLimiterConfig config;
  private final Function<McpRequest, @Nullable String> identity;
  private final Map<String, RateLimiter> byCaller;

  /**
   * One limiter per caller.
   *
   * @param name the name every caller's limiter bears (not the identity, which may be a secret)
   * @param config how each caller's limiter is configured
   * @param identity tells callers apart; {@code null} puts a request with the other unknown callers
   * @param maxCallers how many callers' limiters to keep
   */
  public CallerLimiters(
      String name, RateLimiterConfig config, Function<McpRequest, @Nullable String> identity, int maxCallers) {
    this.name = name;
    this.config = config;
    this.identity = identity;
    this.byCaller = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
        return size() > maxCallers;
      }
    };
  }

  /** The limiter of the caller of {@code request}, made on first sight. */
  @Override
  public RateLimiter apply(McpRequest request) {
    String caller = identity.apply(request);
    String key = caller == null ? ANONYMOUS : caller;
    synchronized (byCaller) {
      return byCaller.computeIfAbsent(key, ignored -> RateLimiter.of(name, config));
    }
  }
}
