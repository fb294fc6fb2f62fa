package dev.conduit.samples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.samples.conformance.EverythingServer;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies the gateway's start: a stdio server started and served over HTTP, and the exit code and one-line reason
 * of a start that cannot succeed. (The jar's stdio front door is tested with real peers in tests/interop.)
 */
class GatewayProcessTest {

  /** The command that runs {@code mainClass} with {@code args} on this test's class path. */
  static List<String> java(Class<?> mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    return command;
  }

  private static String text(McpClient client) {
    return ((TextContent) client.callTool("test_simple_text", Map.of()).content().get(0)).text();
  }

  @Test
  void aStdioServerIsStartedAndServedOverHttp() throws Exception {
    Options options = Options.parse(withStdioUpstream("--port", "0"));
    try (Gateway gateway = Gateway.start(options);
        McpClient client = McpClient.builder()
            .transport(StreamableHttpClientTransport.create(gateway.http().url("/mcp").toString())).connect()) {
      assertTrue(text(client).contains("simple text"));
    }
  }

  @Test
  void anUnreachableUpstreamEndsTheStartWithExitCodeTwoAndOneLine() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"--upstream", "http://127.0.0.1:" + port + "/mcp", "--port", "0"},
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    String said = err.toString(StandardCharsets.UTF_8).trim();
    assertTrue(said.startsWith("conduit-gateway: cannot reach the upstream"), said);
    assertEquals(1, said.lines().count(), said);
  }

  @Test
  void aBadOptionEndsWithExitCodeTwoAndOneLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, Main.run(new String[] {"--port", "x"}, new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertEquals(1, err.toString(StandardCharsets.UTF_8).trim().lines().count());
  }

  @Test
  void anUpstreamCommandThatIsNotAnMcpServerEndsWithExitCodeTwo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    int code = Main.run(new String[] {"--port", "0", "--upstream-stdio", "--", java, "-version"},
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
  }

  private static String[] withStdioUpstream(String... front) {
    List<String> args = new ArrayList<>(List.of(front));
    args.add("--upstream-stdio");
    args.add("--");
    args.addAll(java(EverythingServer.class, "--stdio"));
    return args.toArray(String[]::new);
  }
}
