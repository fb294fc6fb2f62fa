package dev.conduit.protocol.server;

import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.schema.LoggingLevel;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * One connection an {@link McpServer} serves: a legacy session (a stdio pipe, a Streamable HTTP session, a
 * WebSocket), or a single 2026-07-28 request over HTTP, which is a connection of its own.
 *
 * <p>A handler reaches its connection through {@link RequestContext#session()}; a {@link SessionListener} is told
 * when connections open and close. What is sent through a session outside any request goes where the transport
 * sends unprompted messages (the GET stream of a Streamable HTTP session, the pipe of stdio), and nowhere on a
 * connection that has no such place.
 */
public interface ServerSession extends AutoCloseable {

  /**
   * The connection's id, unique within the server: the transport's own where it has one (the {@code Mcp-Session-Id}
   * of a Streamable HTTP session), otherwise one the server made up.
   */
  String id();

  /** Values an application keeps with the connection, by name; thread-safe, and dropped when the connection ends. */
  Map<String, Object> attributes();

  /**
   * The protocol version negotiated by {@code initialize}; {@code null} before it, and on a connection that only
   * carries modern (2026-07-28) requests, which say their version themselves.
   */
  @Nullable ProtocolVersion protocolVersion();

  /** The client's implementation as {@code initialize} declared it, or {@code null}. */
  @Nullable Implementation clientInfo();

  /** The client's capabilities as {@code initialize} declared them; {@code null} before it and on modern connections. */
  @Nullable ClientCapabilities clientCapabilities();

  /**
   * Sends a notification that belongs to no request, such as a list change of a list the application keeps itself.
   *
   * @param params a record, a JSON node, a map, or a {@link JsonPayload} (sent as it is); null for none
   */
  void notify(String method, @Nullable Object params);

  /**
   * Sends a log message that belongs to no request, if the client wants messages at this level (legacy connections;
   * a 2026-07-28 client receives log messages only on its requests' streams).
   *
   * @param logger the logger name the client sees, such as the name of the upstream server a message came from;
   *     {@code null} for the server's name
   */
  void log(LoggingLevel level, @Nullable String logger, Object data);

  /** Tells the client that a list changed: on a legacy session, and on its open {@code subscriptions/listen} streams. */
  void notifyListChanged(ListKind kind);

  /** Tells the client that the resource at {@code uri} changed, if it follows that resource. */
  void notifyResourceUpdated(String uri);

  /**
   * Sends a request to the client outside any handler, such as {@code roots/list} after the client's roots changed.
   * Only a legacy session can carry one.
   *
   * @return the client's result; fails with an {@link dev.conduit.protocol.McpException} if the client answers with
   *     an error, does not answer in time, or the connection cannot carry requests to the client
   */
  CompletionStage<JsonPayload> request(String method, @Nullable Object params);

  /**
   * Tells the client that the URL-mode elicitation {@code elicitationId} is complete (for example when the user
   * finished an OAuth flow the elicitation pointed at). Only 2025-11-25 connections have this notification.
   *
   * @return whether the notification was sent: false if the connection's revision has no such notification
   */
  boolean notifyElicitationComplete(String elicitationId);

  /** Whether the connection has ended. */
  boolean isClosed();

  /** Completes when the connection ends, by either side. */
  CompletionStage<Void> closeFuture();

  /** Ends the connection. Requests in progress are cancelled. */
  @Override
  void close();
}
