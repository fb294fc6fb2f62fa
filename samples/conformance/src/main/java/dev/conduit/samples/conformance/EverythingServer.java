package dev.conduit.samples.conformance;

import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.http.StreamableHttpServer;
import dev.conduit.transport.stdio.StdioServer;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The "everything" server of the MCP conformance suite: every tool, resource, template and prompt its server
 * scenarios call, served over Streamable HTTP at {@code /mcp} (and the legacy HTTP+SSE endpoints {@code /sse} and
 * {@code /message}), or over stdio with {@code --stdio}.
 *
 * <pre>
 * java -jar conduit-conformance.jar [--port 3000] [--stdio]
 * </pre>
 */
public final class EverythingServer {

  private EverythingServer() {}

  /** The server with every fixture of the conformance scenarios. */
  public static McpServer create() {
    return create(UnaryOperator.identity());
  }

  /**
   * The server with every fixture of the conformance scenarios, configured further by {@code configure} (its protocol
   * versions, say).
   */
  public static McpServer create(UnaryOperator<McpServer.Builder> configure) {
    AtomicReference<McpServer> server = new AtomicReference<>();
    McpServer.Builder builder = McpServer.builder()
        .info("conduit-everything-server", "1.0.0")
        .instructions("The Conduit conformance server: fixtures for the MCP conformance suite.");
    Tools.register(builder);
    InputRequiredFixtures.register(builder);
    StatelessFixtures.register(builder, server);
    Fixtures.resources(builder);
    Fixtures.prompts(builder);
    SkillsFixtures.register(builder);
    builder.capabilities(SkillsFixtures.capabilities());
    server.set(configure.apply(builder).build());
    return server.get();
  }

  public static void main(String[] args) {
    McpServer server = create();
    if (flag(args, "--stdio")) {
      StdioServer.serve(server);
      return;
    }
    int port = Integer.parseInt(option(args, "--port", "3000"));
    StreamableHttpServer http = StreamableHttpServer.builder(server)
        .host("127.0.0.1")
        .port(port)
        .path("/mcp")
        .legacySse("/sse", "/message")
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      http.close();
      server.close();
    }, "conduit-everything-shutdown"));
    PrintStream out = System.out;
    out.println("Conduit everything server: Streamable HTTP at http://localhost:" + http.port() + "/mcp, "
        + "legacy HTTP+SSE at http://localhost:" + http.port() + "/sse");
    out.println("Try: npx @modelcontextprotocol/inspector-cli --cli http://localhost:" + http.port()
        + "/mcp --transport http --method tools/list");
  }

  static boolean flag(String[] args, String name) {
    for (String arg : args) {
      if (arg.equals(name)) {
        return true;
      }
    }
    return false;
  }

  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
