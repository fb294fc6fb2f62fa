package dev.conduit.transport.websocket.internal;

import dev.conduit.transport.http.StreamableHttpOptions.DnsRebindingProtection;
import dev.conduit.transport.http.internal.OriginGuard;
import dev.conduit.transport.websocket.WebSocketOptions;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.server.HandshakeRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The server's rules for a WebSocket handshake: which origins may connect, which subprotocol is spoken, and what of
 * the handshake each connection keeps (its HTTP headers, for the handlers' {@code TransportContext}).
 *
 * <p>A container keeps a copy of the endpoint's user properties per handshake, so what {@link #record} puts there
 * reaches the connection it belongs to, and only that one.
 */
public final class Handshake {

  /** The subprotocol an MCP WebSocket speaks. */
  public static final String SUBPROTOCOL = "mcp";

  private static final String HEADERS = "dev.conduit.websocket.headers";
  private static final String REFUSAL = "dev.conduit.websocket.refusal";

  private final @Nullable OriginGuard guard;

  public Handshake(WebSocketOptions options) {
    this.guard = options.dnsRebindingProtection() == DnsRebindingProtection.OFF ? null
        : new OriginGuard(options.dnsRebindingProtection(), options.allowedHosts(), options.allowedOrigins());
  }

  /** Whether a handshake with this {@code Origin} (null if it had none) may go on. */
  public boolean originAllowed(@Nullable String origin) {
    return guard == null || origin == null || guard.originAllowed(origin);
  }

  /**
   * Keeps the handshake's headers in the connection's user properties and, if the client offered subprotocols but
   * not ours, why the connection must be refused.
   */
  public static void record(Map<String, Object> userProperties, HandshakeRequest request) {
    TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    request.getHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    userProperties.put(HEADERS, headers);
    List<String> offered = headers.getOrDefault("Sec-WebSocket-Protocol", List.of()).stream()
        .flatMap(value -> List.of(value.split(",")).stream())
        .map(String::trim)
        .filter(protocol -> !protocol.isEmpty())
        .toList();
    if (!offered.isEmpty() && !offered.contains(SUBPROTOCOL)) {
      userProperties.put(REFUSAL, "Unsupported subprotocol; this endpoint speaks " + SUBPROTOCOL);
    }
  }

  /** The headers {@link #record} kept for a connection; none if the container skipped the handshake hooks. */
  @SuppressWarnings("unchecked")
  public static Map<String, List<String>> headers(EndpointConfig config) {
    Object headers = config.getUserProperties().get(HEADERS);
    return headers instanceof Map<?, ?> map ? (Map<String, List<String>>) map : Map.of();
  }

  /** Why {@link #record} found the connection must be refused, or null. */
  public static @Nullable String refusal(EndpointConfig config) {
    Object reason = config.getUserProperties().get(REFUSAL);
    return reason instanceof String text ? text : null;
  }
}
