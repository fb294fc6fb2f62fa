package dev.conduit.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.RequestedSchema;
import dev.conduit.protocol.schema.StringSchema;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;

/** An MCP server with real tools behind a real loopback HTTP server, and helpers to speak raw HTTP to it. */
final class Fixture implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final long WAIT_SECONDS = 30;
  static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
          + "\"capabilities\":{\"elicitation\":{}},\"clientInfo\":{\"name\":\"raw-test\",\"version\":\"1.0\"}}}";
  static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  final CountDownLatch cancelled = new CountDownLatch(1);
  final CountDownLatch waiting = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);
  final McpServer server;
  final StreamableHttpServer http;
  private final int port;
  private final AutoCloseable door;

  /** Starts a front door for an MCP server; answers its port and how to stop it. */
  interface FrontDoor {
    Map.Entry<Integer, AutoCloseable> start(McpServer server) throws Exception;
  }

  Fixture() {
    this(StreamableHttpOptions.builder().retryInterval(java.time.Duration.ofMillis(500)).build());
  }

  Fixture(StreamableHttpOptions options) {
    this.server = server();
    this.http = StreamableHttpServer.builder(server).host("127.0.0.1").port(0).path("/mcp").options(options)
        .legacySse("/sse", "/message").start();
    this.port = http.port();
    this.door = http;
  }

  /** The same MCP server behind another front door (the JDK one is not started). */
  Fixture(FrontDoor frontDoor) throws Exception {
    this.server = server();
    this.http = null;
    Map.Entry<Integer, AutoCloseable> started = frontDoor.start(server);
    this.port = started.getKey();
    this.door = started.getValue();
  }

  private McpServer server() {
    return McpServer.builder()
        .info("http-test", "1.0")
        .tool(Tool.named("echo").description("Echoes"), (args, ctx) -> CallToolResult.text("echo"))
        .tool(Tool.named("thread").description("Names the thread it runs on"),
            (args, ctx) -> CallToolResult.text(Thread.currentThread().getName()))
        .tool(Tool.named("chatty").description("Logs while it works"), (args, ctx) -> {
          ctx.log(LoggingLevel.INFO, "started");
          ctx.log(LoggingLevel.INFO, "working");
          ctx.log(LoggingLevel.INFO, "finished");
          return CallToolResult.text("done");
        })
        .tool(Tool.named("progress").description("Reports progress"), (args, ctx) -> {
          ctx.progress(0, 100.0, null);
          ctx.progress(50, 100.0, null);
          ctx.progress(100, 100.0, null);
          return CallToolResult.text("done");
        })
        .tool(Tool.named("ask").description("Asks the user"), (args, ctx) -> {
          RequestedSchema schema = RequestedSchema.builder().property("name", StringSchema.of(), true).build();
          ElicitResult answer = ctx.elicit(ElicitRequestFormParams.of("Your name?", schema));
          return CallToolResult.text("Hello " + answer.content().get("name").asText());
        })
        .tool(Tool.named("poll").description("Closes its stream, then answers"), (args, ctx) -> {
          ctx.log(LoggingLevel.INFO, "before the close");
          HttpRequestStream.of(ctx).orElseThrow().closeStream();
          release.await(WAIT_SECONDS, TimeUnit.SECONDS);
          ctx.log(LoggingLevel.INFO, "after the close");
          return CallToolResult.text("reconnected");
        })
        .tool(Tool.named("wait").description("Waits until cancelled or released"), (args, ctx) -> {
          ctx.onCancel(cancelled::countDown);
          waiting.countDown();
          release.await(WAIT_SECONDS, TimeUnit.SECONDS);
          return CallToolResult.text("released");
        })
        .build();
  }

  /** A front door that mounts the servlet {@code make} returns at {@code path} under {@code contextPath} in Jetty 12. */
  static FrontDoor jetty(String contextPath, String path, Function<McpServer, HttpServlet> make) {
    return server -> {
      Server jetty = new Server();
      ServerConnector connector = new ServerConnector(jetty);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      jetty.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler();
      context.setContextPath(contextPath);
      ServletHolder holder = new ServletHolder(make.apply(server));
      holder.setAsyncSupported(true);
      context.addServlet(holder, path);
      jetty.setHandler(context);
      jetty.start();
      return Map.entry(connector.getLocalPort(), jetty::stop);
    };
  }

  int port() {
    return port;
  }

  /** Standard POST headers, plus {@code extra} (a null value removes a header). */
  static Map<String, String> postHeaders(String... extra) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json, text/event-stream");
    headers.put("Content-Type", "application/json");
    for (int i = 0; i + 1 < extra.length; i += 2) {
      if (extra[i + 1] == null) {
        headers.remove(extra[i]);
      } else {
        headers.put(extra[i], extra[i + 1]);
      }
    }
    return headers;
  }

  RawHttp post(String body, String... headers) throws IOException {
    return RawHttp.open("127.0.0.1", port(), "POST", "/mcp", postHeaders(headers), body);
  }

  RawHttp request(String method, String path, Map<String, String> headers, @Nullable String body) throws IOException {
    return RawHttp.open("127.0.0.1", port(), method, path, headers, body);
  }

  /** Initializes a session and returns its id. */
  String initialize() throws IOException {
    String session;
    try (RawHttp response = post(INITIALIZE)) {
      assertEquals(200, response.status());
      session = response.header("Mcp-Session-Id");
      assertNotNull(session);
      response.body();
    }
    try (RawHttp response = post(INITIALIZED, "Mcp-Session-Id", session)) {
      assertEquals(202, response.status());
    }
    return session;
  }

  /** A tools/call request. */
  static String call(int id, String tool) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
        + "\",\"arguments\":{}}}";
  }

  /** A tools/call request asking for progress. */
  static String callWithProgress(int id, String tool) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
        + "\",\"arguments\":{},\"_meta\":{\"progressToken\":\"p-1\"}}}";
  }

  static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }

  /**
   * {@code echo} named first and {@code thread} (which answers with its thread's name) last, the second time in
   * {@code spelling} ({@code name}, or an escaped form of it): a request with no one meaning.
   */
  static String callNamingTwoTools(int id, String spelling, String extraParams) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
        + "\"arguments\":{},\"" + spelling + "\":\"thread\"" + extraParams + "}}";
  }

  /** The answer to {@link #callNamingTwoTools}: 400, invalid request, its id, the repeated member named. */
  static void assertRefusedAsAmbiguous(RawHttp response, int id) throws IOException {
    assertEquals(400, response.status());
    JsonNode body = json(response.body());
    assertEquals(-32600, body.path("error").path("code").asInt(), body.toString());
    assertEquals(id, body.path("id").asInt(), body.toString());
    assertTrue(body.path("error").path("message").asText().contains("duplicate member 'name'"), body.toString());
  }

  @Override
  public void close() {
    release.countDown();
    try {
      door.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    server.close();
  }
}
