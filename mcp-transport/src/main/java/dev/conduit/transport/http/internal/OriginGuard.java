package dev.conduit.transport.http.internal;

import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.transport.http.StreamableHttpOptions;
import dev.conduit.transport.http.StreamableHttpOptions.DnsRebindingProtection;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * DNS rebinding protection: a request must name an allowed host in {@code Host}, and if it carries an {@code Origin}
 * that origin must be on an allowed host or in the allowed origins. Loopback names (localhost, 127.0.0.1, [::1]) are
 * allowed with any port. The HTTP endpoints apply both rules; the WebSocket endpoint applies the origin rule at its
 * handshake.
 */
public final class OriginGuard {

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private final DnsRebindingProtection mode;
  private final Set<String> hosts = new HashSet<>(LOOPBACK);
  private final Set<String> origins = new HashSet<>();

  OriginGuard(StreamableHttpOptions options) {
    this(options.dnsRebindingProtection(), options.allowedHosts(), options.allowedOrigins());
  }

  /**
   * @param mode when the rules apply
   * @param allowedHosts host names (no port) allowed besides the loopback ones
   * @param allowedOrigins origins allowed besides those on an allowed host
   */
  public OriginGuard(DnsRebindingProtection mode, Set<String> allowedHosts, Set<String> allowedOrigins) {
    this.mode = mode;
    allowedHosts.forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
    allowedOrigins.forEach(o -> origins.add(normalise(o)));
  }

  /** The mode the guard was made with. */
  public DnsRebindingProtection mode() {
    return mode;
  }

  /** Checks the request; answers 403 and returns false if it must be refused. */
  boolean admit(Exchange exchange, JsonRpcCodec codec) {
    if (mode == DnsRebindingProtection.OFF
        || (mode == DnsRebindingProtection.LOOPBACK_ONLY && !exchange.arrivedOnLoopback())) {
      return true;
    }
    String host = exchange.header("Host");
    if (host != null && !hosts.contains(hostName(host))) {
      Http.error(exchange, codec, 403, Http.TRANSPORT_ERROR, "Forbidden: Invalid Host header: " + printable(host));
      return false;
    }
    String origin = exchange.header("Origin");
    if (origin != null && !originAllowed(origin)) {
      Http.error(exchange, codec, 403, Http.TRANSPORT_ERROR,
          "Forbidden: Invalid Origin header: " + printable(origin));
      return false;
    }
    return true;
  }

  /** Whether {@code origin} (an {@code Origin} header's value) is in the allowed origins or on an allowed host. */
  public boolean originAllowed(String origin) {
    if (origins.contains(normalise(origin))) {
      return true;
    }
    try {
      URI uri = new URI(origin.trim());
      String host = uri.getHost();
      return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The host part of a {@code Host} header, lower case, without the port; IPv6 literals keep their brackets. */
  static String hostName(String hostHeader) {
    String host = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  private static String normalise(String origin) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
  }

  /** {@code value} cut to 100 characters, anything but printable ASCII replaced: safe to echo in an error. */
  public static String printable(@Nullable String value) {
    if (value == null) {
      return "";
    }
    String cut = value.length() > 100 ? value.substring(0, 100) : value;
    return cut.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
