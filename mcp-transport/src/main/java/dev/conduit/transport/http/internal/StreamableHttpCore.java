package dev.conduit.transport.http.internal;

import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.jsonrpc.DecodeResult;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.http.StreamableHttpOptions;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container-agnostic Streamable HTTP endpoint: POST, GET and DELETE on one path, for every protocol revision
 * from 2025-03-26 to 2026-07-28. A request whose {@code MCP-Protocol-Version} header says 2026-07-28 is served the
 * modern way (stateless, one connection per POST); any other the legacy way (sessions, or stateless if so
 * configured).
 *
 * <p>{@link #handle} never blocks on MCP work: it reads the request, hands the message to the MCP engine and
 * returns; the answer is written later, from whichever thread produces it.
 */
public final class StreamableHttpCore implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StreamableHttpCore.class);

  private final Wiring wiring;
  private final OriginGuard guard;
  private final LegacyEndpoint legacy;
  private final ModernEndpoint modern;
  private final boolean ownsTimer;

  /**
   * @param io runs SSE writes (may block on a slow client)
   * @param timer runs keep-alives and expiry sweeps (never blocks); null to make a private one
   * @param handlersOnExchangeThreads whether MCP handlers may run on the threads that serve exchanges (true when
   *     those are the library's own workers, false for a container's request threads)
   */
  public StreamableHttpCore(McpServer server, StreamableHttpOptions options, Executor io,
      @Nullable ScheduledExecutorService timer, boolean handlersOnExchangeThreads) {
    this.ownsTimer = timer == null;
    ScheduledExecutorService scheduler = timer == null ? DaemonThreads.timer("conduit-http-timer") : timer;
    this.wiring = new Wiring(server, options, options.newEventStore(), io, scheduler, handlersOnExchangeThreads);
    this.guard = new OriginGuard(options);
    this.legacy = new LegacyEndpoint(wiring);
    this.modern = new ModernEndpoint(wiring);
  }

  /** Serves one request; never throws. */
  public void handle(Exchange exchange) {
    try {
      if (!guard.admit(exchange, wiring.codec())) {
        return;
      }
      boolean modernRequest = ProtocolVersion.V2026_07_28.id().equals(exchange.header(Http.PROTOCOL_VERSION));
      switch (exchange.method()) {
        case "POST" -> post(exchange, modernRequest || unknownVersion(exchange));
        case "GET" -> {
          if (modernRequest) {
            notAllowed(exchange, "POST");
          } else {
            legacy.get(exchange);
          }
        }
        case "DELETE" -> {
          if (modernRequest) {
            notAllowed(exchange, "POST");
          } else {
            legacy.delete(exchange);
          }
        }
        default -> notAllowed(exchange, wiring.options().stateless() ? "POST" : "GET, POST, DELETE");
      }
    } catch (RuntimeException e) {
      log.warn("Failed to serve an MCP HTTP request", e);
      Http.error(exchange, wiring.codec(), 500, ErrorCodes.INTERNAL_ERROR, "Internal error");
    }
  }

  private void post(Exchange exchange, boolean modernRequest) {
    if (!Http.accepts(exchange.header("Accept"), Http.JSON)
        || !Http.accepts(exchange.header("Accept"), Http.EVENT_STREAM)) {
      Http.error(exchange, wiring.codec(), 406, Http.TRANSPORT_ERROR,
          "Not Acceptable: Client must accept both application/json and text/event-stream");
      return;
    }
    if (!Http.isJson(exchange.header("Content-Type"))) {
      Http.error(exchange, wiring.codec(), 415, Http.TRANSPORT_ERROR,
          "Unsupported Media Type: Content-Type must be application/json");
      return;
    }
    ProtocolVersion version = null;
    if (!modernRequest) {
      version = legacy.headerVersion(exchange);
      if (version == null) {
        return;
      }
    }
    JsonRpcMessage message = readMessage(exchange);
    if (message == null) {
      return;
    }
    if (modernRequest) {
      modern.post(exchange, message);
    } else {
      legacy.post(exchange, message, version);
    }
  }

  /**
   * Whether the {@code MCP-Protocol-Version} header names a revision this library does not know, to a server that
   * speaks 2026-07-28: then the request is refused the 2026-07-28 way, with an {@code UnsupportedProtocolVersionError}
   * that carries its id and the versions to retry with. A legacy-only server refuses it as a legacy one would.
   */
  private boolean unknownVersion(Exchange exchange) {
    String header = exchange.header(Http.PROTOCOL_VERSION);
    return header != null && ProtocolVersion.parse(header.trim()).isEmpty()
        && wiring.server().protocolVersions().stream().anyMatch(ProtocolVersion::isModern);
  }

  /** Reads and decodes the body; answers (413, 400) and returns null if that fails. */
  private @Nullable JsonRpcMessage readMessage(Exchange exchange) {
    byte[] body;
    try {
      body = exchange.readBody(wiring.options().maxBodyBytes());
    } catch (Exchange.BodyTooLargeException e) {
      Http.error(exchange, wiring.codec(), 413, Http.TRANSPORT_ERROR,
          "Payload Too Large: the body exceeds " + wiring.options().maxBodyBytes() + " bytes");
      return null;
    } catch (IOException e) {
      log.debug("Could not read a request body: {}", e.toString());
      exchange.endStream();
      return null;
    }
    DecodeResult decoded = wiring.codec().decode(body);
    if (decoded instanceof DecodeResult.Failure failure) {
      Http.error(exchange, wiring.codec(), 400, failure.error(), Map.of());
      return null;
    }
    return ((DecodeResult.Success) decoded).message();
  }

  private void notAllowed(Exchange exchange, String allow) {
    Map<String, String> headers = Http.jsonHeaders();
    headers.put("Allow", allow);
    exchange.respond(405, headers,
        wiring.codec().encode(Http.errorFor(null, Http.TRANSPORT_ERROR, "Method Not Allowed")));
  }

  /** How many legacy sessions are live. */
  public int sessionCount() {
    return legacy.sessionCount();
  }

  /** Ends every session and stops the timer if this endpoint made it. */
  @Override
  public void close() {
    legacy.close();
    if (ownsTimer) {
      wiring.timer().shutdownNow();
    }
  }
}
