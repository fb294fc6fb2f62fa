package dev.conduit.benchmarks;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.http.StreamableHttpServer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The benchmark targets, by name. A name says who is the client and who the server, and over what:
 *
 * <ul>
 *   <li>{@code ours-http}, {@code sdk-http}, {@code raw-http}; {@code ours-stdio}, {@code sdk-stdio}, {@code
 *       raw-stdio}: client and server of the same kind;
 *   <li>{@code ours2sdk-http}, {@code ours2sdk-stdio}: Conduit's client, the official SDK's server; {@code
 *       sdk2ours-http}, {@code sdk2ours-stdio}: the reverse;
 *   <li>{@code ours-http-modern}: Conduit on 2026-07-28 (stateless, no session);
 *   <li>{@code sdk-http-immediate}, {@code sdk-stdio-immediate}: the official SDK with {@code immediateExecution};
 *   <li>{@code raw-http-pooled}: the raw HTTP ceiling with the server's exchanges on a thread pool.
 * </ul>
 */
public final class Targets {

  /** Every target, in the order the report lists them. */
  public static final List<String> ALL = List.of(
      "ours-http", "sdk-http", "raw-http", "ours-stdio", "sdk-stdio", "raw-stdio",
      "ours2sdk-http", "sdk2ours-http", "ours2sdk-stdio", "sdk2ours-stdio",
      "ours-http-modern", "sdk-http-immediate", "sdk-stdio-immediate", "raw-http-pooled");

  /** What each target is, for the report. */
  public static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
      Map.entry("ours-http", "Conduit client (OkHttp) -> Conduit StreamableHttpServer (JDK HttpServer), 2025-11-25"),
      Map.entry("sdk-http", "SDK client (JDK HttpClient) -> SDK servlet provider on Tomcat 11.0.25, 2025-11-25"),
      Map.entry("raw-http", "OkHttp POST -> JDK HttpServer answering prepared bytes; no MCP logic"),
      Map.entry("raw-http-pooled", "raw-http with the server's exchanges on a thread pool, as in Conduit's server"),
      Map.entry("ours-stdio", "Conduit StdioClientTransport -> child JVM StdioServer"),
      Map.entry("sdk-stdio", "SDK StdioClientTransport -> child JVM StdioServerTransportProvider"),
      Map.entry("raw-stdio", "a line to a child JVM echoing lines, one reader thread; no MCP logic"),
      Map.entry("ours2sdk-http", "Conduit client -> SDK server on Tomcat"),
      Map.entry("sdk2ours-http", "SDK client -> Conduit server"),
      Map.entry("ours2sdk-stdio", "Conduit client -> SDK stdio child"),
      Map.entry("sdk2ours-stdio", "SDK client -> Conduit stdio child"),
      Map.entry("ours-http-modern", "Conduit client -> Conduit server, 2026-07-28 stateless"),
      Map.entry("sdk-http-immediate", "sdk-http with immediateExecution(true)"),
      Map.entry("sdk-stdio-immediate", "sdk-stdio with immediateExecution(true)"));

  private Targets() {}

  /** Sets up the target {@code name} for payloads like {@code text}; the caller closes it. */
  public static EchoTarget open(String name, String text) throws Exception {
    return switch (name) {
      case "ours-http" -> oursClientToOursServer(Era.LEGACY);
      case "ours-http-modern" -> oursClientToOursServer(Era.MODERN);
      case "sdk-http" -> sdkClientToSdkServer(false);
      case "sdk-http-immediate" -> sdkClientToSdkServer(true);
      case "raw-http" -> new RawHttp(text, false);
      case "raw-http-pooled" -> new RawHttp(text, true);
      case "ours-stdio" -> OursClient.stdio(Children.ownJava(OursServer.class));
      case "sdk-stdio" -> OfficialSdkJar.stdioClient(OfficialSdkJar.stdioServerCommand(false));
      case "sdk-stdio-immediate" -> OfficialSdkJar.stdioClient(OfficialSdkJar.stdioServerCommand(true));
      case "raw-stdio" -> new RawStdio(text);
      case "ours2sdk-http" -> oursClientToSdkServer();
      case "sdk2ours-http" -> sdkClientToOursServer();
      case "ours2sdk-stdio" -> OursClient.stdio(OfficialSdkJar.stdioServerCommand(false));
      case "sdk2ours-stdio" -> OfficialSdkJar.stdioClient(Children.ownJava(OursServer.class));
      default -> throw new IllegalArgumentException("unknown target " + name + "; known: " + ALL);
    };
  }

  private static EchoTarget oursClientToOursServer(Era era) throws Exception {
    OursHttpServer server = OursHttpServer.start();
    return OursClient.http(server.url(), era, server);
  }

  private static EchoTarget sdkClientToOursServer() throws Exception {
    OursHttpServer server = OursHttpServer.start();
    return OfficialSdkJar.httpClient(server.url(), server);
  }

  private static EchoTarget sdkClientToSdkServer(boolean immediate) throws Exception {
    var server = OfficialSdkJar.httpServer(immediate);
    return OfficialSdkJar.httpClient(((Supplier<String>) server).get(), server);
  }

  private static EchoTarget oursClientToSdkServer() throws Exception {
    var server = OfficialSdkJar.httpServer(false);
    return OursClient.http(((Supplier<String>) server).get(), Era.LEGACY, server);
  }

  /** Conduit's echo server on Streamable HTTP, default options, on a free port of 127.0.0.1. */
  private record OursHttpServer(McpServer mcp, StreamableHttpServer http) implements AutoCloseable {
    static OursHttpServer start() {
      McpServer mcp = OursServer.create();
      return new OursHttpServer(mcp, StreamableHttpServer.builder(mcp).host("127.0.0.1").port(0).start());
    }

    String url() {
      return http.url().toString();
    }

    @Override
    public void close() {
      http.close();
      mcp.close();
    }
  }
}
