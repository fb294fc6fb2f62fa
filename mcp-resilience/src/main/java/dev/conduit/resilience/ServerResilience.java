package dev.conduit.resilience;

import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.resilience.internal.BulkheadInterceptor;
import dev.conduit.resilience.internal.CallerLimiters;
import dev.conduit.resilience.internal.Defaults;
import dev.conduit.resilience.internal.RateLimitInterceptor;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The resilience interceptors for a server, in the documented order: a rate limit per caller, then a bulkhead for
 * the whole server.
 *
 * <pre>{@code
 * McpServer server = McpResilience.server().callerIdentity(CallerIdentity.header("X-Api-Key")).build()
 *     .applyTo(McpServer.builder().info("awx", "1.0.0")).build();
 * }</pre>
 *
 * <p>A caller over its limit gets {@link dev.conduit.protocol.jsonrpc.ErrorCodes#RATE_LIMITED} with {@code
 * retryAfterMs} in its data (HTTP 429 with {@code Retry-After} from the Streamable HTTP server); a call beyond a
 * bulkhead gets {@link dev.conduit.protocol.jsonrpc.ErrorCodes#BULKHEAD_FULL}.
 */
public final class ServerResilience {

  private final List<McpInterceptor> interceptors;

  private ServerResilience(List<McpInterceptor> interceptors) {
    this.interceptors = List.copyOf(interceptors);
  }

  /** Starts configuring a server's interceptors. */
  public static Builder builder() {
    return new Builder();
  }

  /** The interceptors, outermost first. */
  public List<McpInterceptor> interceptors() {
    return interceptors;
  }

  /** Adds the interceptors to {@code server}, after any it already has, and returns it. */
  public McpServer.Builder applyTo(McpServer.Builder server) {
    interceptors.forEach(server::interceptor);
    return server;
  }

  /** Configures a {@link ServerResilience}. Each part is on unless turned off. */
  public static final class Builder {
    private String name = "mcp-server";
    private CallerIdentity identity = CallerIdentity.session();
    private RateLimiterRegistry limiters = Defaults.rateLimiters(50);
    private String limiterConfig = "default";
    private int maxCallers = 10_000;
    private BulkheadRegistry bulkheads = Defaults.bulkheads();
    private boolean rateLimiter = true;
    private boolean bulkhead = true;

    private Builder() {}

    /** The name of the server's bulkhead in its registry (default {@code mcp-server}). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** How callers are told apart (default: {@link CallerIdentity#session()}). */
    public Builder callerIdentity(CallerIdentity identity) {
      this.identity = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /**
     * The configuration of each caller's rate limiter (default: 50 calls a second, refusing at once beyond that): the
     * registry's default one. Callers' limiters are not added to the registry: identities are unbounded and may be
     * secrets, which must not become metric names.
     */
    public Builder rateLimiterRegistry(RateLimiterRegistry registry) {
      return rateLimiterRegistry(registry, "default");
    }

    /** As {@link #rateLimiterRegistry(RateLimiterRegistry)}, with the registry's configuration named {@code config}. */
    public Builder rateLimiterRegistry(RateLimiterRegistry registry, String config) {
      this.limiters = Objects.requireNonNull(registry, "registry");
      this.limiterConfig = Objects.requireNonNull(config, "config");
      return this;
    }

    /** How many callers' limiters are kept; the least recently seen beyond this are forgotten (default 10 000). */
    public Builder maxCallers(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxCallers must be positive: " + max);
      }
      this.maxCallers = max;
      return this;
    }

    /** Where the server's bulkhead comes from (default: 64 concurrent calls), named as {@link #name}. */
    public Builder bulkheadRegistry(BulkheadRegistry registry) {
      this.bulkheads = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Turns the rate limiter off. */
    public Builder withoutRateLimiter() {
      this.rateLimiter = false;
      return this;
    }

    /** Turns the bulkhead off. */
    public Builder withoutBulkhead() {
      this.bulkhead = false;
      return this;
    }

    /** The interceptors, in the documented order. */
    public ServerResilience build() {
      List<McpInterceptor> chain = new ArrayList<>();
      if (rateLimiter) {
        RateLimiterConfig config = limiters.getConfiguration(limiterConfig).orElse(limiters.getDefaultConfig());
        chain.add(new RateLimitInterceptor(new CallerLimiters(name, config, identity::of, maxCallers)));
      }
      if (bulkhead) {
        // Not per tool: tool names come from clients, and each new one would add a bulkhead to the registry.
        chain.add(new BulkheadInterceptor(bulkheads, name, null));
      }
      return new ServerResilience(chain);
    }
  }
}
