package dev.conduit.transport.http;

import static dev.conduit.transport.internal.Checks.positive;

import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How a Streamable HTTP endpoint behaves, whichever front door serves it ({@link StreamableHttpServer} or {@link
 * StreamableHttpServlet}). Immutable; {@link #defaults()} suits most servers.
 *
 * <pre>{@code
 * StreamableHttpOptions options = StreamableHttpOptions.builder()
 *     .sessionIdleTimeout(Duration.ofMinutes(10))
 *     .maxSessions(1_000)
 *     .allowedOrigins("https://app.example.com")
 *     .build();
 * }</pre>
 */
public final class StreamableHttpOptions {

  /** When {@code Host} and {@code Origin} are checked against the allowed names (DNS rebinding protection). */
  public enum DnsRebindingProtection {
    /** Checked when the request arrived on a loopback address (127.0.0.0/8, ::1): the default. */
    LOOPBACK_ONLY,
    /** Always checked. */
    ALWAYS,
    /** Never checked; for servers behind a proxy that does it. */
    OFF
  }

  private static final StreamableHttpOptions DEFAULTS = builder().build();

  private final boolean stateless;
  private final Duration sessionIdleTimeout;
  private final int maxSessions;
  private final boolean allowDelete;
  private final Supplier<EventStore> eventStore;
  private final Duration retryInterval;
  private final int maxBodyBytes;
  private final DnsRebindingProtection dnsRebindingProtection;
  private final Set<String> allowedHosts;
  private final Set<String> allowedOrigins;
  private final Duration keepAliveInterval;
  private final Duration sseUpgradeDelay;
  private final int maxPendingMessages;
  private final JsonRpcCodec codec;

  private StreamableHttpOptions(Builder b) {
    this.stateless = b.stateless;
    this.sessionIdleTimeout = b.sessionIdleTimeout;
    this.maxSessions = b.maxSessions;
    this.allowDelete = b.allowDelete;
    this.eventStore = b.eventStore;
    this.retryInterval = b.retryInterval;
    this.maxBodyBytes = b.maxBodyBytes;
    this.dnsRebindingProtection = b.dnsRebindingProtection;
    this.allowedHosts = Set.copyOf(b.allowedHosts);
    this.allowedOrigins = Set.copyOf(b.allowedOrigins);
    this.keepAliveInterval = b.keepAliveInterval;
    this.sseUpgradeDelay = b.sseUpgradeDelay;
    this.maxPendingMessages = b.maxPendingMessages;
    this.codec = b.codec;
  }

  /** The defaults: stateful, 30 minute idle timeout, 10,000 sessions, 4 MiB bodies, loopback DNS protection. */
  public static StreamableHttpOptions defaults() {
    return DEFAULTS;
  }

  /** Starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the endpoint mints no sessions: every POST is served as a connection of its own. */
  public boolean stateless() {
    return stateless;
  }

  /** How long a legacy session may stay unused before it expires. */
  public Duration sessionIdleTimeout() {
    return sessionIdleTimeout;
  }

  /** The most legacy sessions held at once. */
  public int maxSessions() {
    return maxSessions;
  }

  /** Whether a client may end its session with DELETE (otherwise 405). */
  public boolean allowDelete() {
    return allowDelete;
  }

  /** Makes the store for the events of resumable SSE streams; called once per endpoint. */
  public EventStore newEventStore() {
    return eventStore.get();
  }

  /** The {@code retry:} interval announced on resumable SSE streams. */
  public Duration retryInterval() {
    return retryInterval;
  }

  /** The largest request body accepted (larger ones get 413). */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** When {@code Host} and {@code Origin} are validated. */
  public DnsRebindingProtection dnsRebindingProtection() {
    return dnsRebindingProtection;
  }

  /** Host names (without port) allowed besides localhost, 127.0.0.1 and [::1]; compared ignoring case. */
  public Set<String> allowedHosts() {
    return allowedHosts;
  }

  /** Origins (such as {@code https://app.example.com}) allowed besides those on a loopback host. */
  public Set<String> allowedOrigins() {
    return allowedOrigins;
  }

  /** How often an SSE stream carries a comment, so that a client that went away is noticed. */
  public Duration keepAliveInterval() {
    return keepAliveInterval;
  }

  /**
   * How long a 2026-07-28 request may run before its answer turns into an SSE stream, whose keep-alives notice a
   * client that went away (and cancel the request).
   */
  public Duration sseUpgradeDelay() {
    return sseUpgradeDelay;
  }

  /** The most messages kept for a session's GET stream while none is open. */
  public int maxPendingMessages() {
    return maxPendingMessages;
  }

  /** The codec that reads request bodies and writes messages. */
  public JsonRpcCodec codec() {
    return codec;
  }

  /** Configures {@link StreamableHttpOptions}. */
  public static final class Builder {
    private boolean stateless;
    private Duration sessionIdleTimeout = Duration.ofMinutes(30);
    private int maxSessions = 10_000;
    private boolean allowDelete = true;
    private Supplier<EventStore> eventStore = InMemoryEventStore::new;
    private Duration retryInterval = Duration.ofSeconds(3);
    private int maxBodyBytes = 4 * 1024 * 1024;
    private DnsRebindingProtection dnsRebindingProtection = DnsRebindingProtection.LOOPBACK_ONLY;
    private List<String> allowedHosts = List.of();
    private List<String> allowedOrigins = List.of();
    private Duration keepAliveInterval = Duration.ofSeconds(15);
    private Duration sseUpgradeDelay = Duration.ofSeconds(2);
    private int maxPendingMessages = 1_000;
    private JsonRpcCodec codec = JsonRpcCodec.standard();

    private Builder() {}

    /** Mint no sessions; serve every POST as its own connection (GET and DELETE get 405). Default false. */
    public Builder stateless(boolean stateless) {
      this.stateless = stateless;
      return this;
    }

    /** How long a session may stay unused before it expires (default 30 minutes). */
    public Builder sessionIdleTimeout(Duration timeout) {
      this.sessionIdleTimeout = positive(timeout, "sessionIdleTimeout");
      return this;
    }

    /** The most sessions held at once (default 10,000); when full, new sessions get 503. */
    public Builder maxSessions(int max) {
      this.maxSessions = positive(max, "maxSessions");
      return this;
    }

    /** Whether DELETE ends a session (default true; otherwise 405). */
    public Builder allowDelete(boolean allow) {
      this.allowDelete = allow;
      return this;
    }

    /** Where events of resumable SSE streams are kept (default: a bounded {@link InMemoryEventStore}). */
    public Builder eventStore(Supplier<EventStore> factory) {
      this.eventStore = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /** The {@code retry:} interval announced on resumable SSE streams (default 3 seconds). */
    public Builder retryInterval(Duration interval) {
      this.retryInterval = positive(interval, "retryInterval");
      return this;
    }

    /** The largest request body accepted, in bytes (default 4 MiB). */
    public Builder maxBodyBytes(int bytes) {
      this.maxBodyBytes = positive(bytes, "maxBodyBytes");
      return this;
    }

    /** When {@code Host} and {@code Origin} are validated (default: on loopback addresses). */
    public Builder dnsRebindingProtection(DnsRebindingProtection protection) {
      this.dnsRebindingProtection = Objects.requireNonNull(protection, "protection");
      return this;
    }

    /** Host names allowed besides the loopback names, such as {@code mcp.example.com} (no port). */
    public Builder allowedHosts(String... hosts) {
      this.allowedHosts = List.of(hosts);
      return this;
    }

    /** Origins allowed besides loopback ones, such as {@code https://app.example.com}. */
    public Builder allowedOrigins(String... origins) {
      this.allowedOrigins = List.of(origins);
      return this;
    }

    /** How often SSE streams carry a keep-alive comment (default 15 seconds). */
    public Builder keepAliveInterval(Duration interval) {
      this.keepAliveInterval = positive(interval, "keepAliveInterval");
      return this;
    }

    /** How long a 2026-07-28 request may run before its answer turns into an SSE stream (default 2 seconds). */
    public Builder sseUpgradeDelay(Duration delay) {
      this.sseUpgradeDelay = positive(delay, "sseUpgradeDelay");
      return this;
    }

    /** The most messages kept for a session's GET stream while none is open (default 1,000). */
    public Builder maxPendingMessages(int max) {
      this.maxPendingMessages = positive(max, "maxPendingMessages");
      return this;
    }

    /** The codec for bodies and messages (default: the standard one). */
    public Builder codec(JsonRpcCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /** The options. */
    public StreamableHttpOptions build() {
      return new StreamableHttpOptions(this);
    }
  }
}
