package dev.conduit.interop.official;

import io.modelcontextprotocol.modern.server.transport.HttpServletMcpTransport;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The official SDK's Streamable HTTP servers in embedded Tomcat 11, on a free loopback port at {@code /mcp}: the
 * legacy one (its servlet transport provider, serving {@link OfficialServerFeatures}) or the 2026-07-28 one (its
 * modern {@code HttpServletMcpTransport}, serving {@link OfficialModernFeatures}).
 */
final class OfficialHttpServer implements AutoCloseable {

  // Held, so that the levels stick: Tomcat's start and stop lines, and its leak detector's warnings about Reactor's
  // shared (daemon) scheduler threads, which outlive any one web application by design, are only noise here.
  private static final List<Logger> QUIET = List.of(quiet("org.apache.catalina", Level.WARNING),
      quiet("org.apache.coyote", Level.WARNING), quiet("org.apache.catalina.loader", Level.SEVERE));

  private final Tomcat tomcat;
  private final Runnable closeServer;
  private final Path baseDir;
  private final int port;

  private OfficialHttpServer(Tomcat tomcat, Runnable closeServer, Path baseDir, int port) {
    this.tomcat = tomcat;
    this.closeServer = closeServer;
    this.baseDir = baseDir;
    this.port = port;
  }

  /** The legacy (2025-11-25 and earlier) server. */
  static OfficialHttpServer start() throws IOException, LifecycleException {
    HttpServletStreamableServerTransportProvider provider = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(Interop.JSON)
        .mcpEndpoint("/mcp")
        // The SDK sweeps idle sessions (every 30 minutes by default) on Schedulers.newSingle, a non-daemon thread that
        // closing the provider never stops: it would outlive every test. No test here idles for 30 minutes.
        .sessionSweepInterval(null)
        .build();
    McpSyncServer server = OfficialServerFeatures.build(McpServer.sync(provider));
    return serve(provider, server::closeGracefully);
  }

  /** The 2026-07-28 server of the SDK's {@code modern} API, which speaks no legacy revision. */
  static OfficialHttpServer startModern() throws IOException, LifecycleException {
    HttpServletMcpTransport transport =
        HttpServletMcpTransport.builder(OfficialModernFeatures.build()).jsonMapper(Interop.JSON).endpoint("/mcp")
            .build();
    return serve(transport, transport::closeGracefully);
  }

  private static OfficialHttpServer serve(HttpServlet servlet, Runnable closeServer)
      throws IOException, LifecycleException {
    Path baseDir = Files.createTempDirectory("official-sdk-tomcat").toAbsolutePath();
    Tomcat tomcat = new Tomcat();
    try {
      tomcat.setBaseDir(baseDir.toString());
      tomcat.setHostname("127.0.0.1");
      tomcat.setPort(0);
      Connector connector = tomcat.getConnector();
      connector.setProperty("address", "127.0.0.1");
      Context context = tomcat.addContext("", baseDir.toString());
      Wrapper wrapper = Tomcat.addServlet(context, "mcp", servlet);
      wrapper.setAsyncSupported(true);
      context.addServletMapping("/*", "mcp");
      tomcat.start();
      return new OfficialHttpServer(tomcat, closeServer, baseDir, connector.getLocalPort());
    } catch (LifecycleException | RuntimeException e) {
      new OfficialHttpServer(tomcat, closeServer, baseDir, -1).close();
      throw e;
    }
  }

  private static Logger quiet(String name, Level level) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(level);
    return logger;
  }

  /** Where the MCP endpoint is. */
  String url() {
    return "http://127.0.0.1:" + port + "/mcp";
  }

  /** Closes the MCP server (and with it its transport), then Tomcat. */
  @Override
  public void close() {
    try {
      closeServer.run();
    } finally {
      try {
        tomcat.stop();
        tomcat.destroy();
      } catch (LifecycleException e) {
        throw new IllegalStateException("Tomcat did not stop", e);
      } finally {
        deleteQuietly(baseDir);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is no failure of the test.
    }
  }
}
