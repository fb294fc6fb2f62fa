package dev.conduit.interop;

import dev.conduit.protocol.server.McpServer;
import dev.conduit.samples.conformance.EverythingServer;
import dev.conduit.transport.http.StreamableHttpServer;
import org.jspecify.annotations.Nullable;

/**
 * Specifies that Conduit's conformance "everything" server (the {@code samples/conformance} fixtures on Streamable
 * HTTP, bound to 127.0.0.1) passes the official conformance suite; see {@link ServerSuite}.
 */
class ConformanceServerTest extends ServerSuite {

  private @Nullable McpServer server;
  private @Nullable StreamableHttpServer http;

  @Override
  String start() {
    server = EverythingServer.create();
    http = StreamableHttpServer.builder(server).host("127.0.0.1").port(0).path("/mcp").start();
    return "http://localhost:" + http.port() + "/mcp";
  }

  @Override
  void stop() {
    if (http != null) {
      http.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Override
  String name() {
    return "conformance-server";
  }
}
