package dev.conduit.transport.stdio;

import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.ServerSession;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;

/**
 * Serves an {@link McpServer} on the process's stdin and stdout, the way MCP clients launch local servers.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   McpServer server = McpServer.builder().info("files", "1.0").tool(...).build();
 *   StdioServer.serve(server);   // returns when the client closes stdin; main returns and the JVM exits 0
 * }
 * }</pre>
 *
 * <p>Only MCP messages may appear on stdout, so while serving, {@link System#out} points at {@link System#err}: a
 * stray {@code println} (or a logging framework's console appender that writes through {@code System.out}) lands in
 * the client's log instead of corrupting the protocol. Threads the library starts are daemons, so nothing keeps the
 * JVM alive after {@code main} returns.
 */
public final class StdioServer {

  private StdioServer() {}

  /**
   * Serves {@code server} on stdin and stdout until stdin ends (or the connection fails, or the server is closed),
   * then returns. {@link System#out} points at {@link System#err} meanwhile.
   */
  public static void serve(McpServer server) {
    PrintStream stdout = System.out;
    stdout.flush();
    // The file descriptor rather than System.out: a PrintStream swallows write errors, and a broken pipe must end
    // the connection rather than go unnoticed.
    OutputStream out = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err);
    try {
      serve(server, System.in, out);
    } finally {
      System.setOut(stdout);
    }
  }

  /**
   * Serves {@code server} on a pair of streams until {@code in} ends (or the connection fails, or the server is
   * closed), then closes both streams and returns. {@link System#out} is left alone.
   */
  public static void serve(McpServer server, InputStream in, OutputStream out) {
    serve(server, StdioTransport.of(in, out));
  }

  /** Serves {@code server} over a configured transport until the connection ends, then returns. */
  public static void serve(McpServer server, StdioTransport transport) {
    ServerSession session = server.connect(transport);
    try {
      session.closeFuture().toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // The close future only ever completes normally; nothing to report.
    } finally {
      // Idempotent; after an interrupt this is what ends the connection, and in every case it waits (bounded)
      // until the last answers have been written.
      transport.close();
    }
  }
}
