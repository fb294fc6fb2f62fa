package dev.conduit.interop.official;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The main class of the child JVM that serves {@link OfficialServerFeatures} with the official SDK over stdio.
 *
 * <p>The SDK's stdio threads are not daemons, so on its own the JVM would outlive its client. This main waits for
 * stdin to end, closes the server and exits.
 */
public final class OfficialStdioServer {

  /** What the child writes to stderr once it has closed the server, just before it exits. */
  static final String EXITING = "official stdio server: stdin ended, server closed, exiting";

  private OfficialStdioServer() {}

  /**
   * The Maven groups (as local repository paths) of the jars the child JVM needs besides this module's test classes,
   * and nothing more: the SDK, Reactor, Jackson 3, the Jackson 2 and networknt jars of {@link
   * Jackson2SchemaValidator}, and SLF4J (with slf4j-simple, which logs to stderr, never to the stdout protocol).
   */
  static final List<String> CLASS_PATH_GROUPS = List.of("io/modelcontextprotocol/sdk", "io/projectreactor",
      "org/reactivestreams", "tools/jackson/core", "com/fasterxml/jackson/core", "com/networknt", "com/ethlo/time",
      "org/slf4j");

  public static void main(String[] args) throws InterruptedException {
    CountDownLatch stdinEnded = new CountDownLatch(1);
    InputStream stdin = new FilterInputStream(System.in) {
      @Override
      public int read() throws IOException {
        return ended(super.read());
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        return ended(super.read(buffer, offset, length));
      }

      private int ended(int result) {
        if (result < 0) {
          stdinEnded.countDown();
        }
        return result;
      }
    };
    McpSyncServer server = OfficialServerFeatures.build(
        McpServer.sync(new StdioServerTransportProvider(McpJsonDefaults.getMapper(), stdin, System.out)));
    stdinEnded.await();
    server.closeGracefully();
    System.err.println(EXITING);
    System.exit(0);
  }
}
