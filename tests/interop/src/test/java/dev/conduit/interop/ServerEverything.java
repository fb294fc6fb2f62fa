package dev.conduit.interop;

import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.transport.http.client.SseClientTransport;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
import dev.conduit.transport.stdio.StdioClientTransport;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The reference server {@code @modelcontextprotocol/server-everything} (pinned in {@code tools/}) on one transport.
 * Over stdio each client launches its own server process; over HTTP one server process, started here on a free port
 * and stopped on {@link #close()}, serves every client.
 */
final class ServerEverything implements AutoCloseable {

  /** How Conduit's client reaches the server. */
  enum Via {
    STDIO,
    STREAMABLE_HTTP,
    LEGACY_SSE
  }

  private final Via via;
  private final Path folder;
  private final Processes.@Nullable Child child;
  private final int port;

  private ServerEverything(Via via, Path folder, Processes.@Nullable Child child, int port) {
    this.via = via;
    this.folder = folder;
    this.child = child;
    this.port = port;
  }

  /** Starts the server for {@code via}, if it runs on its own (HTTP); output goes under {@code target/interop}. */
  static ServerEverything start(Via via) {
    Path folder = Processes.folder("server-everything/" + via.name().toLowerCase());
    if (via == Via.STDIO) {
      return new ServerEverything(via, folder, null, -1);
    }
    int port = Processes.freePort();
    Map<String, String> env = new HashMap<>(NodeTools.env());
    env.put("PORT", Integer.toString(port));
    String mode = via == Via.STREAMABLE_HTTP ? "streamableHttp" : "sse";
    Processes.Child child =
        Processes.start(NodeTools.command("mcp-server-everything", mode), folder, env, folder);
    try {
      Processes.awaitPort(child, port);
    } catch (RuntimeException | AssertionError e) {
      child.close();
      throw e;
    }
    return new ServerEverything(via, folder, child, port);
  }

  /** A new transport to the server, for one client. */
  McpTransport transport() {
    return switch (via) {
      case STDIO -> StdioClientTransport.builder(NodeTools.command("mcp-server-everything", "stdio"))
          .env(NodeTools.env())
          .directory(folder)
          .build();
      case STREAMABLE_HTTP -> StreamableHttpClientTransport.builder("http://localhost:" + port + "/mcp")
          .legacyFallback(false)
          .build();
      case LEGACY_SSE -> SseClientTransport.create("http://localhost:" + port + "/sse");
    };
  }

  /** What the HTTP server printed, for a failure message; nothing over stdio (its stderr goes to the log). */
  String describe() {
    return child == null ? "server-everything over stdio" : child.describe();
  }

  @Override
  public void close() {
    if (child != null) {
      child.close();
    }
  }

  @Override
  public String toString() {
    return "server-everything over " + via + (port < 0 ? "" : " at port " + port);
  }
}
