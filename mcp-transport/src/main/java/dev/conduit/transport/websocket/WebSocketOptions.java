package dev.conduit.transport.websocket;

import static dev.conduit.transport.internal.Checks.nonNegative;
import static dev.conduit.transport.internal.Checks.positive;

import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.transport.http.StreamableHttpOptions.DnsRebindingProtection;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the WebSocket endpoint of {@link McpWebSocket} behaves. Immutable; {@link #defaults()} suits most servers.
 *
 * <pre>{@code
 * WebSocketOptions options = WebSocketOptions.builder()
 *     .allowedOrigins("https://app.example.com")
 *     .pingInterval(Duration.ofSeconds(20))
 *     .build();
 * }</pre>
 *
 * <p><b>Origins.</b> Browsers give any page a WebSocket to any server (no same-origin policy applies) and always send
 * the page's {@code Origin} with the handshake. So, unless protection is {@link DnsRebindingProtection#OFF OFF}, a
 * handshake whose {@code Origin} is neither in {@link #allowedOrigins()} nor on a loopback or {@linkplain
 * #allowedHosts() allowed} host is refused with 403, whatever address it arrived on: unlike plain HTTP, a public
 * endpoint needs this as much as a loopback one. A handshake without {@code Origin} (a client that is not a browser)
 * passes. The rule is the one the HTTP endpoints apply; the {@code Host} header is not checked, because a DNS-rebinding
 * page still sends its own foreign origin, which this check refuses.
 */
public final class WebSocketOptions {

  private static final WebSocketOptions DEFAULTS = builder().build();

  private final DnsRebindingProtection dnsRebindingProtection;
  private final Set<String> allowedHosts;
  private final Set<String> allowedOrigins;
  private final int maxMessageBytes;
  private final Duration pingInterval;
  private final Duration pongTimeout;
  private final Duration idleTimeout;
  private final long maxQueuedBytes;
  private final JsonRpcCodec codec;

  private WebSocketOptions(Builder b) {
    this.dnsRebindingProtection = b.dnsRebindingProtection;
    this.allowedHosts = Set.copyOf(b.allowedHosts);
    this.allowedOrigins = Set.copyOf(b.allowedOrigins);
    this.maxMessageBytes = b.maxMessageBytes > 0 ? b.maxMessageBytes : b.codec.maxMessageBytes();
    this.pingInterval = b.pingInterval;
    this.pongTimeout = b.pongTimeout;
    this.idleTimeout = b.idleTimeout;
    this.maxQueuedBytes = b.maxQueuedBytes;
    this.codec = b.codec;
  }

  /** The defaults: origin checks on, the codec's message limit, a ping every 30 seconds, 16 MiB of outbound queue. */
  public static WebSocketOptions defaults() {
    return DEFAULTS;
  }

  /** Starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether handshakes' origins are checked: unless {@code OFF}, on every address (see the class comment). */
  public DnsRebindingProtection dnsRebindingProtection() {
    return dnsRebindingProtection;
  }

  /** Host names (without port) whose origins are allowed besides localhost, 127.0.0.1 and [::1]. */
  public Set<String> allowedHosts() {
    return allowedHosts;
  }

  /** Origins (such as {@code https://app.example.com}) allowed besides those on an allowed host. */
  public Set<String> allowedOrigins() {
    return allowedOrigins;
  }

  /** The largest message accepted, in UTF-8 bytes; a larger one is discarded unread and answered with an error. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** How often the server pings each connection; zero for never. */
  public Duration pingInterval() {
    return pingInterval;
  }

  /** How long a ping may go unanswered before the connection is closed. */
  public Duration pongTimeout() {
    return pongTimeout;
  }

  /** How long a connection may carry no traffic at all (pings included) before the container closes it. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** The most bytes of outbound messages one connection may have waiting for a peer that does not read. */
  public long maxQueuedBytes() {
    return maxQueuedBytes;
  }

  /** The codec that reads and writes messages. */
  public JsonRpcCodec codec() {
    return codec;
  }

  /** Configures {@link WebSocketOptions}. */
  public static final class Builder {
    private DnsRebindingProtection dnsRebindingProtection = DnsRebindingProtection.LOOPBACK_ONLY;
    private List<String> allowedHosts = List.of();
    private List<String> allowedOrigins = List.of();
    private int maxMessageBytes;
    private Duration pingInterval = Duration.ofSeconds(30);
    private Duration pongTimeout = Duration.ofSeconds(10);
    private Duration idleTimeout = Duration.ofMinutes(5);
    private long maxQueuedBytes = 16L * 1024 * 1024;
    private JsonRpcCodec codec = JsonRpcCodec.standard();

    private Builder() {}

    /**
     * Whether origins are checked (default {@code LOOPBACK_ONLY}, which for a WebSocket means on every address, as
     * does {@code ALWAYS}); {@code OFF} for an endpoint behind a proxy that checks them.
     */
    public Builder dnsRebindingProtection(DnsRebindingProtection protection) {
      this.dnsRebindingProtection = Objects.requireNonNull(protection, "protection");
      return this;
    }

    /** Host names whose origins are allowed besides the loopback names, such as {@code mcp.example.com}. */
    public Builder allowedHosts(String... hosts) {
      this.allowedHosts = List.of(hosts);
      return this;
    }

    /** Origins allowed besides those on an allowed host, such as {@code https://app.example.com}. */
    public Builder allowedOrigins(String... origins) {
      this.allowedOrigins = List.of(origins);
      return this;
    }

    /** The largest message accepted, in bytes (default: the codec's largest message, 16 MiB as standard). */
    public Builder maxMessageBytes(int bytes) {
      this.maxMessageBytes = positive(bytes, "maxMessageBytes");
      return this;
    }

    /** How often to ping each connection (default 30 seconds); {@link Duration#ZERO} turns pings off. */
    public Builder pingInterval(Duration interval) {
      this.pingInterval = nonNegative(interval, "pingInterval");
      return this;
    }

    /** How long a ping may go unanswered before the connection is closed (default 10 seconds). */
    public Builder pongTimeout(Duration timeout) {
      this.pongTimeout = positive(timeout, "pongTimeout");
      return this;
    }

    /**
     * How long a connection may carry no traffic before the container closes it (default 5 minutes). Pings are
     * traffic, so with pings on this only ends connections whose peer has stopped answering them.
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive(timeout, "idleTimeout");
      return this;
    }

    /**
     * The most bytes of outbound messages one connection may have queued (default 16 MiB). A connection that would go
     * beyond it, because its peer stopped reading, is closed with 1008 (policy violation).
     */
    public Builder maxQueuedBytes(long bytes) {
      this.maxQueuedBytes = positive(bytes, "maxQueuedBytes");
      return this;
    }

    /** The codec for messages (default: the standard one). */
    public Builder codec(JsonRpcCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /** The options. */
    public WebSocketOptions build() {
      return new WebSocketOptions(this);
    }
  }
}
