package dev.conduit.transport.http.internal;

import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcRequest;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import dev.conduit.protocol.jsonrpc.JsonRpcResult;
import dev.conduit.protocol.transport.TransportContext;
import dev.conduit.transport.http.HttpRequestStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Streamable HTTP as 2025-03-26 to 2025-11-25 define it: sessions minted on {@code initialize}, a GET stream per
 * session, resumable SSE answers, DELETE; or, configured stateless, every POST a connection of its own.
 */
final class LegacyEndpoint {

  private static final String SUPPORTED =
      ProtocolVersion.newestFirstList().stream().filter(v -> !v.isModern()).map(ProtocolVersion::id)
          .collect(Collectors.joining(", "));

  private final Wiring wiring;
  private final SessionTable sessions;
  private final @Nullable ScheduledFuture<?> sweeper;

  LegacyEndpoint(Wiring wiring) {
    this.wiring = wiring;
    long idleNanos = wiring.options().sessionIdleTimeout().toNanos();
    this.sessions = new SessionTable(wiring.options().maxSessions(), idleNanos, id -> new HttpSession(wiring, id));
    if (wiring.options().stateless()) {
      this.sweeper = null;
    } else {
      long every = Math.max(10, Math.min(TimeUnit.NANOSECONDS.toMillis(idleNanos) / 2, 60_000));
      this.sweeper = wiring.timer().scheduleWithFixedDelay(sessions::sweep, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /** The version the {@code MCP-Protocol-Version} header names (2025-03-26 if absent); answers 400 and returns null
   * if it names none this transport serves the legacy way. */
  @Nullable ProtocolVersion headerVersion(Exchange exchange) {
    String header = exchange.header(Http.PROTOCOL_VERSION);
    if (header == null) {
      return ProtocolVersion.V2025_03_26;
    }
    ProtocolVersion version = ProtocolVersion.parse(header.trim()).filter(v -> !v.isModern()).orElse(null);
    if (version == null) {
      Http.error(exchange, wiring.codec(), 400, Http.TRANSPORT_ERROR,
          "Bad Request: Unsupported protocol version: " + header + " (supported versions: " + SUPPORTED + ")");
    }
    return version;
  }

  void post(Exchange exchange, JsonRpcMessage message, ProtocolVersion version) {
    if (wiring.options().stateless()) {
      postStateless(exchange, message, version);
      return;
    }
    boolean initialize = message instanceof JsonRpcRequest request && request.method().equals("initialize");
    String sessionId = exchange.header(Http.SESSION_ID);
    if (sessionId == null) {
      if (!initialize) {
        Http.error(exchange, wiring.codec(), 400, Http.TRANSPORT_ERROR,
            "Bad Request: Mcp-Session-Id header is required");
        return;
      }
      HttpSession session = sessions.create();
      if (session == null) {
        Http.error(exchange, wiring.codec(), 503, Http.TRANSPORT_ERROR,
            "Service Unavailable: too many sessions; try again later");
        return;
      }
      session.connection().onClose(() -> {
        sessions.remove(session);
        wiring.store().removeSession(session.id());
      });
      if (!Http.connect(wiring, exchange, () -> wiring.server().connect(session.connection()))) {
        sessions.remove(session);
        return;
      }
      request(exchange, session, (JsonRpcRequest) message, true);
      return;
    }
    HttpSession session = sessions.get(sessionId);
    if (session == null) {
      Http.error(exchange, wiring.codec(), 404, -32001, "Session not found");
      return;
    }
    session.touch();
    if (initialize) {
      Http.error(exchange, wiring.codec(), 400,
          Http.errorFor(((JsonRpcRequest) message).id(), ErrorCodes.INVALID_REQUEST,
              "Invalid Request: Server already initialized"), sessionHeader(session));
      return;
    }
    if (message instanceof JsonRpcRequest request) {
      request(exchange, session, request, false);
    } else {
      session.connection().receive(message, context(exchange, session.id()));
      exchange.respond(202, sessionHeader(session), new byte[0]);
    }
  }

  private void request(Exchange exchange, HttpSession session, JsonRpcRequest request, boolean initialize) {
    Map<String, String> header = sessionHeader(session);
    RequestStream.Answering answering = new RequestStream.Answering() {
      @Override
      public Map<String, String> headers(@Nullable JsonRpcResponse response) {
        return initialize && response instanceof JsonRpcError ? Map.of() : header;
      }

      @Override
      public void done(RequestStream stream, @Nullable JsonRpcResponse response) {
        session.untrack(stream);
        session.touch();
        if (initialize && !(response instanceof JsonRpcResult)) {
          session.close();
        }
      }
    };
    RequestStream stream =
        new RequestStream(wiring, request.id(), session.id(), session.nextStreamId(), exchange, answering);
    if (!session.connection().register(stream)) {
      Http.error(exchange, wiring.codec(), 400,
          Http.errorFor(request.id(), ErrorCodes.INVALID_REQUEST,
              "Invalid Request: id " + request.id() + " is already in use by a request in progress"), header);
      return;
    }
    session.track(stream);
    session.connection().receive(request,
        context(exchange, session.id()).withAttribute(HttpRequestStream.ATTRIBUTE, stream));
  }

  private void postStateless(Exchange exchange, JsonRpcMessage message, ProtocolVersion version) {
    if (!(message instanceof JsonRpcRequest request)) {
      exchange.respond(202, Map.of(), new byte[0]);
      return;
    }
    HttpConnection connection = new HttpConnection(wiring, "stateless HTTP request", null, null, true);
    try {
      boolean connected = Http.connect(wiring, exchange, () -> {
        if (request.method().equals("initialize")) {
          wiring.server().connect(connection);
        } else {
          wiring.server().connectStateless(connection, version);
        }
      });
      if (!connected) {
        return;
      }
    } catch (IllegalArgumentException e) {
      Http.error(exchange, wiring.codec(), 400, Http.TRANSPORT_ERROR,
          "Bad Request: Unsupported protocol version: " + version.id());
      return;
    }
    RequestStream stream =
        new RequestStream(wiring, request.id(), null, null, exchange, new RequestStream.Answering() {});
    connection.register(stream);
    connection.receive(request,
        TransportContext.ofHeaders(exchange.headers()).withAttribute(HttpRequestStream.ATTRIBUTE, stream));
  }

  void get(Exchange exchange) {
    if (!Http.accepts(exchange.header("Accept"), Http.EVENT_STREAM)) {
      Http.error(exchange, wiring.codec(), 406, Http.TRANSPORT_ERROR,
          "Not Acceptable: Client must accept text/event-stream");
      return;
    }
    if (wiring.options().stateless()) {
      notAllowed(exchange);
      return;
    }
    HttpSession session = session(exchange);
    if (session == null || headerVersion(exchange) == null) {
      return;
    }
    session.touch();
    String lastEventId = exchange.header(Http.LAST_EVENT_ID);
    if (lastEventId != null) {
      resume(exchange, session, lastEventId);
      return;
    }
    if (session.standalone().attached()) {
      conflict(exchange);
      return;
    }
    SseChannel channel = open(exchange, session, session.standalone()::channelGone);
    if (channel != null && !session.standalone().attach(channel)) {
      channel.close();
    }
  }

  private void resume(Exchange exchange, HttpSession session, String lastEventId) {
    String streamId = wiring.store().replayAfter(session.id(), lastEventId, (id, data) -> { });
    if (streamId == null) {
      Http.error(exchange, wiring.codec(), 400, Http.TRANSPORT_ERROR,
          "Bad Request: cannot resume from that Last-Event-ID");
      return;
    }
    if (streamId.equals(StandaloneStream.STREAM_ID)) {
      SseChannel channel = open(exchange, session, session.standalone()::channelGone);
      if (channel != null) {
        session.standalone().resume(channel, lastEventId);
      }
      return;
    }
    RequestStream live = session.stream(streamId);
    SseChannel channel = open(exchange, session, gone -> {
      if (live != null) {
        live.channelGone(gone);
      }
    });
    if (channel == null) {
      return;
    }
    if (live != null) {
      live.resume(channel, lastEventId);
    } else {
      wiring.store().replayAfter(session.id(), lastEventId, (id, data) -> {
        if (!data.isEmpty()) {
          channel.write(Sse.message(id, data));
        }
      });
      channel.close();
    }
  }

  void delete(Exchange exchange) {
    if (wiring.options().stateless() || !wiring.options().allowDelete()) {
      notAllowed(exchange);
      return;
    }
    HttpSession session = session(exchange);
    if (session == null) {
      return;
    }
    session.close();
    exchange.respond(200, Map.of(), new byte[0]);
  }

  /** The session the request names; answers 400 or 404 and returns null if there is none. */
  private @Nullable HttpSession session(Exchange exchange) {
    String sessionId = exchange.header(Http.SESSION_ID);
    if (sessionId == null) {
      Http.error(exchange, wiring.codec(), 400, Http.TRANSPORT_ERROR,
          "Bad Request: Mcp-Session-Id header is required");
      return null;
    }
    HttpSession session = sessions.get(sessionId);
    if (session == null) {
      Http.error(exchange, wiring.codec(), 404, -32001, "Session not found");
    }
    return session;
  }

  private @Nullable SseChannel open(
      Exchange exchange, HttpSession session, Consumer<SseChannel> onGone) {
    try {
      return wiring.openSse(exchange, sessionHeader(session), onGone);
    } catch (IOException e) {
      return null;
    }
  }

  private void conflict(Exchange exchange) {
    Http.error(exchange, wiring.codec(), 409, Http.TRANSPORT_ERROR,
        "Conflict: Only one SSE stream is allowed per session");
  }

  private void notAllowed(Exchange exchange) {
    Map<String, String> headers = Http.jsonHeaders();
    headers.put("Allow", wiring.options().stateless() ? "POST" : "GET, POST");
    exchange.respond(405, headers,
        wiring.codec().encode(Http.errorFor(null, Http.TRANSPORT_ERROR, "Method Not Allowed")));
  }

  private static Map<String, String> sessionHeader(HttpSession session) {
    return Map.of(Http.SESSION_ID, session.id());
  }

  private static TransportContext context(Exchange exchange, String sessionId) {
    return TransportContext.ofHeaders(exchange.headers()).withSessionId(sessionId);
  }

  int sessionCount() {
    return sessions.size();
  }

  void close() {
    if (sweeper != null) {
      sweeper.cancel(false);
    }
    sessions.closeAll();
  }
}
