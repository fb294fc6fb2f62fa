package dev.conduit.transport.http;

import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.http.internal.DaemonThreads;
import dev.conduit.transport.http.internal.ServletExchange;
import dev.conduit.transport.http.internal.StreamableHttpCore;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * Streamable HTTP as a Jakarta Servlet 6 servlet, for applications that already run a servlet container (Spring Boot,
 * Quarkus, Jetty, Tomcat): mount it at a path of your own, with async support on.
 *
 * <pre>{@code
 * // Jetty 12 (ee10)
 * ServletHolder holder = new ServletHolder(new StreamableHttpServlet(mcpServer));
 * holder.setAsyncSupported(true);
 * context.addServlet(holder, "/mcp");
 *
 * // Spring Boot
 * @Bean ServletRegistrationBean<StreamableHttpServlet> mcp(McpServer server) {
 *   var bean = new ServletRegistrationBean<>(new StreamableHttpServlet(server), "/mcp");
 *   bean.setAsyncSupported(true);
 *   return bean;
 * }
 * }</pre>
 *
 * <p>Every request is put in async mode and the container thread returns as soon as the message is handed to the MCP
 * engine; no container thread waits for a handler. SSE streams are written by the servlet's own daemon threads
 * (virtual threads on Java 21+). DNS rebinding protection applies when the request arrived on a loopback address.
 */
public class StreamableHttpServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient McpServer server;
  private final transient StreamableHttpOptions options;
  private transient @Nullable ExecutorService executor;
  private transient @Nullable StreamableHttpCore core;

  /** A servlet with the default options. */
  public StreamableHttpServlet(McpServer server) {
    this(server, StreamableHttpOptions.defaults());
  }

  /** A servlet with {@code options}. */
  public StreamableHttpServlet(McpServer server, StreamableHttpOptions options) {
    this.server = Objects.requireNonNull(server, "server");
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public void init() {
    ExecutorService io = DaemonThreads.io("conduit-servlet-io");
    this.executor = io;
    this.core = new StreamableHttpCore(server, options, io, null, false);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) {
    StreamableHttpCore current = core;
    if (current == null) {
      response.setStatus(503);
      return;
    }
    current.handle(ServletExchange.start(request, response));
  }

  /** How many Streamable HTTP sessions are live. */
  public int sessionCount() {
    StreamableHttpCore current = core;
    return current == null ? 0 : current.sessionCount();
  }

  @Override
  public void destroy() {
    StreamableHttpCore current = core;
    core = null;
    if (current != null) {
      current.close();
    }
    ExecutorService io = executor;
    if (io != null) {
      io.shutdownNow();
    }
  }
}
