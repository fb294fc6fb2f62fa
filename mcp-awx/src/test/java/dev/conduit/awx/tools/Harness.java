package dev.conduit.awx.tools;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conduit.awx.AwxAuth;
import dev.conduit.awx.env.AwxEnvironment;
import dev.conduit.awx.env.AwxEnvironments;
import dev.conduit.awx.fake.FakeAwx;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import dev.conduit.protocol.transport.TransportContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A fake AWX, the AWX tools on a server, and MCP clients connected to it in memory. */
final class Harness implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  final FakeAwx awx = new FakeAwx();
  final AwxEnvironments environments;
  final McpServer server;
  private final List<McpClient> clients = new ArrayList<>();
  private final McpClient client;

  Harness() {
    this(builder -> builder);
  }

  Harness(UnaryOperator<AwxTools.Builder> configure) {
    this(configure, List.of());
  }

  Harness(UnaryOperator<AwxTools.Builder> configure, List<String> inventories) {
    AwxEnvironment lab = AwxEnvironment.of("lab", awx.url(), AwxAuth.bearer("lab-token")).withApiPrefix("/api/v2/")
        .withAllowlists(List.of(), inventories);
    AwxEnvironment prod = AwxEnvironment.of("prod", awx.url().replace("127.0.0.1", "localhost"),
        AwxAuth.bearer("prod-token")).withApiPrefix("/api/v2/").withAllowlists(List.of("7", "Deploy"), List.of("1"));
    environments = AwxEnvironments.of(List.of(lab, prod), "lab");
    AwxTools tools = configure.apply(AwxTools.builder().environments(environments)
        .pollInterval(Duration.ofMillis(5))).build();
    server = tools.registerOn(McpServer.builder().info("awx-test", "1")).build();
    client = connect(TransportContext.empty());
  }

  /** A new client on its own connection, whose requests arrive with {@code context} (headers, session id). */
  McpClient connect(TransportContext context) {
    InMemoryTransport.Pair pair = InMemoryTransport.builder().serverContext(context).build();
    server.connect(pair.server());
    McpClient connected = McpClient.builder().transport(pair.client()).requestTimeout(Duration.ofSeconds(30))
        .connect();
    clients.add(connected);
    return connected;
  }

  CallToolResult call(String tool, String argumentsJson) {
    return call(client, tool, argumentsJson);
  }

  CallToolResult call(McpClient on, String tool, String argumentsJson) {
    return on.callTool(tool, json(argumentsJson), RequestOptions.defaults());
  }

  /** Calls a tool that must succeed, and returns its structured content. */
  JsonNode ok(String tool, String argumentsJson) {
    CallToolResult result = call(tool, argumentsJson);
    assertFalse(result.failed(), () -> tool + " failed: " + text(result));
    assertTrue(result.structuredContent() != null, tool + " returned no structured content");
    return result.structuredContent();
  }

  /** Calls a tool that must fail, and returns its message. */
  String fails(String tool, String argumentsJson) {
    CallToolResult result = call(tool, argumentsJson);
    assertTrue(result.failed(), () -> tool + " should have failed but said: " + text(result));
    return text(result);
  }

  static String text(CallToolResult result) {
    return assertInstanceOf(TextContent.class, result.content().get(0)).text();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String page(String... items) {
    return "{\"count\":" + items.length + ",\"next\":null,\"previous\":null,\"results\":[" + String.join(",", items)
        + "]}";
  }

  static Map<String, Object> args(Object... pairs) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Override
  public void close() {
    clients.forEach(McpClient::close);
    server.close();
    environments.close();
    awx.close();
  }
}
