package dev.conduit.benchmarks.sdk;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;

/**
 * The official SDK's Streamable HTTP server: {@code HttpServletStreamableServerTransportProvider} on embedded Tomcat,
 * bound to 127.0.0.1 on a free port, as the SDK's own servlet conformance server sets it up, with unlimited keep-alive
 * requests. {@link #get()} is the endpoint URL.
 */
public final class SdkHttpServer implements Supplier<String>, AutoCloseable {

  // Tomcat logs through java.util.logging; its loggers are held here so that the levels stick. The web application
  // loader warns at shutdown about Reactor's pooled threads and JDBC drivers, which are not ours to stop here.
  private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");
  private static final Logger LOADER_LOG = Logger.getLogger("org.apache.catalina.loader");

  private final Path baseDir;
  private final HttpServletStreamableServerTransportProvider provider;
  private final McpSyncServer server;
  private final Tomcat tomcat;
  private final String url;

  SdkHttpServer(boolean immediate) throws Exception {
    TOMCAT_LOG.setLevel(Level.WARNING);
    LOADER_LOG.setLevel(Level.SEVERE);
    this.baseDir = Files.createTempDirectory("bench-tomcat").toAbsolutePath();
    this.provider = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(McpJsonDefaults.getMapper())
        .mcpEndpoint("/mcp")
        .build();
    // The provider starts a non-daemon session sweeper as it is built: from here on, close() must run.
    this.server = EchoTool.serve(provider, immediate);
    this.tomcat = new Tomcat();
    try {
      tomcat.setBaseDir(baseDir.toString());
      tomcat.setHostname("127.0.0.1");
      tomcat.setPort(0);
      tomcat.getConnector().setProperty("address", "127.0.0.1");
      // Tomcat closes a keep-alive connection after 100 requests by default: the SDK's client then reconnects every
      // 100 calls and, now and then, fails a call that raced the close ("HTTP/1.1 header parser received no bytes").
      // Unlimited, as Conduit's server keeps its connections, and as anyone tuning for throughput would set it.
      tomcat.getConnector().setProperty("maxKeepAliveRequests", "-1");
      Context context = tomcat.addContext("", baseDir.toString());
      Wrapper wrapper = Tomcat.addServlet(context, "mcp", provider);
      wrapper.setAsyncSupported(true);
      context.addServletMappingDecoded("/*", "mcp");
      tomcat.start();
    } catch (Exception e) {
      close();
      throw e;
    }
    this.url = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/mcp";
  }

  @Override
  public String get() {
    return url;
  }

  @Override
  public void close() throws Exception {
    try {
      server.closeGracefully();
      provider.closeGracefully().block(Duration.ofSeconds(5));
    } finally {
      tomcat.stop();
      tomcat.destroy();
      deleteTree(baseDir);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
