package dev.conduit.interop.official;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.samples.conformance.EverythingServer;
import dev.conduit.transport.bridge.McpBridge;
import dev.conduit.transport.bridge.Upstream;
import dev.conduit.transport.http.StreamableHttpServer;
import dev.conduit.transport.stdio.StdioClientTransport;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The official MCP Java SDK 2.2.0's client (2025-11-25, Streamable HTTP) through a Conduit bridge ({@link
 * McpBridge} behind {@link StreamableHttpServer}, as {@code conduit-gateway} assembles it) to the reference
 * server-everything on stdio, and to Conduit servers that speak only the legacy era or only 2026-07-28: tools are
 * listed and called, progress arrives, and an elicitation crosses back to the SDK client, also when the upstream
 * asks for it with a 2026-07-28 {@code input_required} result.
 */
class OfficialClientThroughBridgeTest {

  /** The upstream behind the bridge. */
  enum Behind {
    LEGACY_ONLY_CONDUIT, MODERN_ONLY_CONDUIT
  }

  private final List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
  private @Nullable McpServer upstreamServer;
  private @Nullable StreamableHttpServer upstreamHttp;
  private @Nullable McpBridge bridge;
  private @Nullable StreamableHttpServer front;
  private @Nullable McpSyncClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.closeGracefully();
    }
    if (front != null) {
      front.close();
    }
    if (bridge != null) {
      bridge.close();
    }
    if (upstreamHttp != null) {
      upstreamHttp.close();
    }
    if (upstreamServer != null) {
      upstreamServer.close();
    }
  }

  private McpSyncClient through(Upstream upstream) {
    bridge = McpBridge.start(upstream);
    front = StreamableHttpServer.builder(bridge.server()).host("127.0.0.1").port(0).path("/mcp").start();
    McpSyncClient connected = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:"
            + front.port()).endpoint("/mcp").jsonMapper(Interop.JSON).build())
        .clientInfo(Implementation.builder("official-sdk-client", "2.2.0").build())
        .requestTimeout(Interop.WAIT)
        .initializationTimeout(Interop.WAIT)
        .jsonSchemaValidator(Jackson2SchemaValidator.INSTANCE)
        .capabilities(ClientCapabilities.builder().elicitation().build())
        .elicitation(request -> new ElicitResult(ElicitResult.Action.ACCEPT,
            new TreeMap<>(Map.of("username", "ada", "email", "ada@example.com"))))
        .progressConsumer(progress::add)
        .build();
    connected.initialize();
    client = connected;
    return connected;
  }

  private Upstream conduit(Behind behind) {
    ProtocolVersion[] versions = behind == Behind.MODERN_ONLY_CONDUIT
        ? new ProtocolVersion[] {ProtocolVersion.V2026_07_28}
        : new ProtocolVersion[] {ProtocolVersion.V2025_11_25, ProtocolVersion.V2025_06_18};
    upstreamServer = EverythingServer.create(builder -> builder.protocolVersions(versions));
    upstreamHttp = StreamableHttpServer.builder(upstreamServer).host("127.0.0.1").port(0).path("/mcp").start();
    return Upstream.streamableHttp(upstreamHttp.url().toString(), Map.of());
  }

  private static String text(CallToolResult result) {
    assertFalse(Boolean.TRUE.equals(result.isError()), result::toString);
    return ((TextContent) result.content().get(0)).text();
  }

  @ParameterizedTest
  @EnumSource(Behind.class)
  void listsAndCallsToolsOfAConduitServerOfEitherEra(Behind behind) {
    McpSyncClient sdk = through(conduit(behind));
    List<String> names = sdk.listTools().tools().stream().map(Tool::name).toList();
    assertTrue(names.contains("test_simple_text"), names::toString);
    assertEquals("This is a simple text response for testing.",
        text(sdk.callTool(CallToolRequest.builder("test_simple_text").arguments(Map.of()).build())));
  }

  @ParameterizedTest
  @EnumSource(Behind.class)
  void progressOfAConduitServerOfEitherEraReachesTheSdkClient(Behind behind) {
    McpSyncClient sdk = through(conduit(behind));
    sdk.callTool(CallToolRequest.builder("test_tool_with_progress").arguments(Map.of())
        .progressToken("sdk-progress").build());
    Interop.await("progress notifications", () -> progress.size() >= 3, progress);
  }

  @ParameterizedTest
  @EnumSource(Behind.class)
  void anElicitationOfAConduitServerOfEitherEraCrossesBackToTheSdkClient(Behind behind) {
    McpSyncClient sdk = through(conduit(behind));
    String said = text(sdk.callTool(CallToolRequest.builder("test_elicitation")
        .arguments(Map.of("message", "Who are you?")).build()));
    assertTrue(said.contains("action=accept") && said.contains("ada@example.com"), said);
  }

  @Test
  void listsAndCallsTheToolsOfTheReferenceServerOnStdio() {
    Path bin = serverEverything();
    // The tools' own Node 22 first on the PATH, as the interop tests run them.
    String path = bin.getParent() + File.pathSeparator + System.getenv("PATH");
    McpSyncClient sdk = through(Upstream.stdio("server-everything", () ->
        StdioClientTransport.builder(List.of(bin.toString(), "stdio")).env("PATH", path).build()));
    List<String> names = new ArrayList<>(sdk.listTools().tools().stream().map(Tool::name).toList());
    assertTrue(names.contains("echo"), names::toString);
    String echoed = text(sdk.callTool(CallToolRequest.builder("echo")
        .arguments(Map.of("message", "via the bridge")).build()));
    assertTrue(echoed.contains("via the bridge"), echoed);
  }

  private static Path serverEverything() {
    String tools = System.getProperty("conduit.tools.dir");
    if (tools == null || tools.isBlank()) {
      return fail("System property conduit.tools.dir is not set: run these tests through Maven (./mvnw -B verify)");
    }
    Path bin = Path.of(tools, "node_modules", ".bin", "mcp-server-everything");
    if (!Files.isExecutable(bin)) {
      return fail("No " + bin + ": the build installs the pinned tools (npm ci in " + tools + ") before the tests");
    }
    return bin;
  }
}
