package dev.conduit.transport.websocket;

import dev.conduit.protocol.server.McpServer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** An MCP server's WebSocket endpoint at {@code /mcp} in embedded Jetty 12 (ee10), on a free loopback port. */
public final class JettyWebSocket implements AutoCloseable {

  private final Server jetty = new Server();
  private final ServerConnector connector = new ServerConnector(jetty);

  public JettyWebSocket(McpServer server, WebSocketOptions options) throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) ->
        container.addEndpoint(McpWebSocket.serverConfig(server, "/mcp", options)));
    jetty.setHandler(context);
    jetty.start();
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** The endpoint's URL, such as {@code ws://127.0.0.1:12345/mcp}. */
  public String url() {
    return "ws://127.0.0.1:" + port() + "/mcp";
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
  }
}
