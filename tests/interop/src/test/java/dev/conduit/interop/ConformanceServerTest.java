package dev.conduit.interop;

import org.jspecify.annotations.Nullable;

/**
 * Specifies that Conduit's conformance "everything" server (the {@code samples/conformance} fixtures on Streamable
 * HTTP, bound to 127.0.0.1) passes the official conformance suite, both revisions from its one {@code /mcp}
 * endpoint; see {@link ServerSuite}.
 */
class ConformanceServerTest extends ServerSuite {

  private @Nullable EverythingHttp server;

  @Override
  String start() {
    server = EverythingHttp.start();
    return server.url();
  }

  @Override
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  String name() {
    return "conformance-server";
  }
}
