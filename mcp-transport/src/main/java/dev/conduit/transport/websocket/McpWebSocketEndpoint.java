package dev.conduit.transport.websocket;

import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.TransportContext;
import dev.conduit.transport.websocket.internal.Handshake;
import dev.conduit.transport.websocket.internal.WebSocketConnection;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import org.jspecify.annotations.Nullable;

/**
 * The Jakarta WebSocket endpoint of one MCP connection: each WebSocket session is served as one {@link
 * McpServer#connect connection} of the MCP server, whose handlers see the handshake's HTTP headers and the WebSocket
 * session id in their {@link TransportContext}.
 *
 * <p>The container makes one per session through the configuration {@link McpWebSocket#serverConfig} returns;
 * applications do not create it themselves.
 */
public final class McpWebSocketEndpoint extends Endpoint {

  private final McpServer server;
  private final WebSocketOptions options;
  private volatile @Nullable WebSocketConnection connection;

  McpWebSocketEndpoint(McpServer server, WebSocketOptions options) {
    this.server = server;
    this.options = options;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    TransportContext context = TransportContext.ofHeaders(Handshake.headers(config)).withSessionId(session.getId());
    WebSocketConnection opened = new WebSocketConnection(session, options, context, server::isClosed);
    connection = opened;
    String refusal = Handshake.refusal(config);
    if (refusal != null) {
      opened.refuse(CloseCodes.PROTOCOL_ERROR, refusal);
      return;
    }
    try {
      server.connect(opened);
    } catch (IllegalStateException e) {
      opened.refuse(CloseCodes.GOING_AWAY, "The server is shutting down");
    }
  }

  @Override
  public void onClose(Session session, CloseReason closeReason) {
    WebSocketConnection current = connection;
    if (current != null) {
      current.closed(closeReason);
    }
  }

  @Override
  public void onError(Session session, Throwable error) {
    WebSocketConnection current = connection;
    if (current != null) {
      current.failed(error);
    }
  }
}
