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
 * allowed with any port.
 */
final class OriginGuard {

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private final DnsRebindingProtection mode;
  private final Set<String> hosts = new HashSet<>(LOOPBACK);
  private final Set<String> origins = new HashSet<>();

  OriginGuard(StreamableHttpOptions options) {
    this.mode = options.dnsRebindingProtection();
    options.allowedHosts().forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
    options.allowedOrigins().forEach(o -> origins.add(normalise(o)));
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

  private boolean originAllowed(String origin) {
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

  private static String printable(@Nullable String value) {
    if (value == null) {
      return "";
    }
    String cut = value.length() > 100 ? value.substring(0, 100) : value;
    return cut.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
