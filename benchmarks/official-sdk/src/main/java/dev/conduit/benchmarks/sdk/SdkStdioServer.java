package dev.conduit.benchmarks.sdk;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The child JVM of the {@code sdk-stdio} benchmarks: the official SDK's echo server on stdin and stdout.
 *
 * <p>The SDK's stdio threads are not daemons, so the JVM would outlive its client. This main ends the JVM when stdin
 * ends, and when the parent process goes away.
 */
public final class SdkStdioServer {

  private SdkStdioServer() {}

  /** Serves until stdin ends. {@code --immediate} sets the SDK's {@code immediateExecution}. */
  public static void main(String[] args) {
    boolean immediate = args.length > 0 && args[0].equals("--immediate");
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
    StdioServerTransportProvider provider =
        new StdioServerTransportProvider(McpJsonDefaults.getMapper(), new ExitAtEnd(System.in), System.out);
    EchoTool.serve(provider, immediate);
  }

  /** Stdin, ending the JVM once it is exhausted: the client has gone, nobody reads our answers any more. */
  private static final class ExitAtEnd extends FilterInputStream {
    ExitAtEnd(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      return atEnd(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return atEnd(super.read(b, off, len));
    }

    private static int atEnd(int n) {
      if (n < 0) {
        Thread exit = new Thread(() -> System.exit(0), "sdk-stdio-exit");
        exit.setDaemon(true);
        exit.start();
      }
      return n;
    }
  }
}
