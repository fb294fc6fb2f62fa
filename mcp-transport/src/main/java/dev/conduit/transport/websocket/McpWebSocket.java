package dev.conduit.transport.websocket;

import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.websocket.internal.Handshake;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Serves an {@link McpServer} over WebSocket in any Jakarta WebSocket 2.1 container: this makes the endpoint's
 * configuration, which the application adds to its container.
 *
 * <pre>{@code
 * // Embedded Jetty 12 (ee10)
 * ServletContextHandler context = new ServletContextHandler();
 * JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) ->
 *     container.addEndpoint(McpWebSocket.serverConfig(mcpServer, "/mcp/ws")));
 *
 * // Spring Boot (spring-boot-starter-websocket): the exporter adds every ServerEndpointConfig bean
 * @Bean ServerEndpointExporter serverEndpointExporter() { return new ServerEndpointExporter(); }
 * @Bean ServerEndpointConfig mcpWebSocket(McpServer server) {
 *   return McpWebSocket.serverConfig(server, "/mcp/ws", WebSocketOptions.defaults());
 * }
 * }</pre>
 *
 * <p>Each WebSocket session is one MCP connection ({@link McpWebSocketEndpoint}); one JSON-RPC message travels per
 * text message, either way, for clients of both protocol eras. The handshake:
 *
 * <ul>
 *   <li>a disallowed {@code Origin} is refused with 403 (see {@link WebSocketOptions});
 *   <li>the subprotocol {@value #SUBPROTOCOL} is chosen when offered. A client that offers none is served (gateway
 *       clients often do not send one); a client that offers only others is refused: its connection is closed with
 *       1002 (protocol error) as soon as it opens, the Jakarta API having no portable way to turn a handshake down
 *       after its origin check (a container answers an exception there with 500). A client that sends before it
 *       reads the close may find the connection reset instead; browsers fail such a handshake themselves, since no
 *       subprotocol they offered was chosen.
 * </ul>
 *
 * <p>The server pings every connection and closes one whose pong does not come back in time (1011). A text message
 * over the size limit is discarded unread and answered with {@code -32600}, as is a binary message; text that is not
 * JSON-RPC gets the codec's error ({@code -32700} for bad JSON); in every case the connection goes on. A peer that
 * stops reading while messages pile up past the outbound limit is closed with 1008. Closing the connection from the
 * server's side sends what is queued, then closes with 1000, or 1001 once the MCP server is shut down.
 */
public final class McpWebSocket {

  /** The subprotocol an MCP WebSocket speaks, offered and accepted in {@code Sec-WebSocket-Protocol}. */
  public static final String SUBPROTOCOL = Handshake.SUBPROTOCOL;

  private McpWebSocket() {}

  /** The endpoint configuration serving {@code server} at {@code path}, with the default options. */
  public static ServerEndpointConfig serverConfig(McpServer server, String path) {
    return serverConfig(server, path, WebSocketOptions.defaults());
  }

  /**
   * The endpoint configuration serving {@code server} at {@code path} (relative to the web application's context,
   * starting with {@code /}), with {@code options}.
   */
  public static ServerEndpointConfig serverConfig(McpServer server, String path, WebSocketOptions options) {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(options, "options");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a path starts with '/': " + path);
    }
    return ServerEndpointConfig.Builder.create(McpWebSocketEndpoint.class, path)
        .subprotocols(List.of(SUBPROTOCOL))
        .configurator(new Configurator(server, options))
        .build();
  }

  /** Checks and records each handshake, and makes its endpoint. */
  private static final class Configurator extends ServerEndpointConfig.Configurator {
    private final McpServer server;
    private final WebSocketOptions options;
    private final Handshake handshake;

    Configurator(McpServer server, WebSocketOptions options) {
      this.server = server;
      this.options = options;
      this.handshake = new Handshake(options);
    }

    @Override
    public boolean checkOrigin(@Nullable String originHeaderValue) {
      return handshake.originAllowed(originHeaderValue);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
      Handshake.record(config.getUserProperties(), request);
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
      return endpointClass.cast(new McpWebSocketEndpoint(server, options));
    }
  }
}
