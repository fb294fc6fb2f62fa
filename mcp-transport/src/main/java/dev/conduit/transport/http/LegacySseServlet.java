package dev.conduit.transport.http;

import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.http.internal.DaemonThreads;
import dev.conduit.transport.http.internal.LegacySseEndpoint;
import dev.conduit.transport.http.internal.ServletExchange;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * The legacy HTTP+SSE transport (2024-11-05) as a Jakarta Servlet 6 servlet, for applications that already run a
 * servlet container and must still serve clients that speak nothing newer. Mount it at one path of your own, with
 * async support on; {@link StreamableHttpServlet} serves the current transport at another.
 *
 * <pre>{@code
 * // Jetty 12 (ee10)
 * ServletHolder holder = new ServletHolder(new LegacySseServlet(mcpServer));
 * holder.setAsyncSupported(true);
 * context.addServlet(holder, "/sse");
 *
 * // Spring Boot
 * @Bean ServletRegistrationBean<LegacySseServlet> legacyMcp(McpServer server) {
 *   var bean = new ServletRegistrationBean<>(new LegacySseServlet(server), "/sse");
 *   bean.setAsyncSupported(true);
 *   return bean;
 * }
 * }</pre>
 *
 * <p>One path serves both halves of the transport: a GET opens the event stream, whose {@code endpoint} event names
 * the same path with a {@code sessionId} query parameter, and the client POSTs its messages there (answered 202, the
 * replies arriving on the stream). Clients follow the {@code endpoint} event, so no second path is needed; mapping
 * the servlet at a second one (such as {@code /message}) makes POSTs work there too.
 *
 * <p>Sessions, limits and origin checks follow {@link StreamableHttpOptions} as for the JDK front door's {@link
 * StreamableHttpServer.Builder#legacySse}. No container thread waits for an MCP handler; streams are written by the
 * servlet's own daemon threads (virtual threads on Java 21+).
 */
public class LegacySseServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient McpServer server;
  private final transient StreamableHttpOptions options;
  private transient @Nullable ExecutorService executor;
  private transient @Nullable ScheduledExecutorService timer;
  private transient @Nullable LegacySseEndpoint endpoint;

  /** A servlet with the default options. */
  public LegacySseServlet(McpServer server) {
    this(server, StreamableHttpOptions.defaults());
  }

  /** A servlet with {@code options}. */
  public LegacySseServlet(McpServer server, StreamableHttpOptions options) {
    this.server = Objects.requireNonNull(server, "server");
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public void init() {
    ExecutorService io = DaemonThreads.io("conduit-sse-servlet-io");
    ScheduledExecutorService keepAlives = DaemonThreads.timer("conduit-sse-servlet-timer");
    this.executor = io;
    this.timer = keepAlives;
    this.endpoint = new LegacySseEndpoint(server, options, io, keepAlives);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) {
    LegacySseEndpoint current = endpoint;
    if (current == null) {
      response.setStatus(503);
      return;
    }
    switch (request.getMethod()) {
      case "GET" -> current.handleSse(ServletExchange.start(request, response), request.getRequestURI());
      case "POST" -> current.handleMessage(ServletExchange.start(request, response));
      default -> ServletExchange.start(request, response).respond(405, Map.of("Allow", "GET, POST"), new byte[0]);
    }
  }

  @Override
  public void destroy() {
    LegacySseEndpoint current = endpoint;
    endpoint = null;
    if (current != null) {
      current.close();
    }
    ScheduledExecutorService keepAlives = timer;
    if (keepAlives != null) {
      keepAlives.shutdownNow();
    }
    ExecutorService io = executor;
    if (io != null) {
      io.shutdownNow();
    }
  }
}
