package dev.conduit.interop;

import dev.conduit.protocol.server.McpServer;
import dev.conduit.samples.conformance.EverythingServer;
import dev.conduit.transport.http.StreamableHttpServer;

/** The conformance "everything" server on Streamable HTTP in this JVM, bound to 127.0.0.1 on a free port. */
final class EverythingHttp implements AutoCloseable {

  private final McpServer server;
  private final StreamableHttpServer http;

  private EverythingHttp(McpServer server) {
    this.server = server;
    this.http = StreamableHttpServer.builder(server).host("127.0.0.1").port(0).path("/mcp").start();
  }

  /** The server with every fixture, both eras. */
  static EverythingHttp start() {
    return new EverythingHttp(EverythingServer.create());
  }

  /** The endpoint, {@code http://localhost:PORT/mcp}. */
  String url() {
    return "http://localhost:" + http.port() + "/mcp";
  }

  @Override
  public void close() {
    http.close();
    server.close();
  }
}
