package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.client;
import static dev.conduit.protocol.e2e.E2e.connect;
import static dev.conduit.protocol.e2e.E2e.fails;
import static dev.conduit.protocol.e2e.E2e.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.e2e.E2e.Wire;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.schema.ProgressNotificationParams;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Specifies how client and server agree on an era and a revision: an AUTO client speaks modern to a server that
 * does and falls back to {@code initialize} on a legacy-only one, pinned clients fail clearly against a server of the
 * other era, {@code initialize} negotiates every legacy revision down to 2024-11-05, and a stateless connection
 * serves legacy requests without a handshake.
 */
class EraTest {

  private static McpServer.Builder echo() {
    return McpServer.builder().info("era", "1.0")
        .tool(Tool.named("echo"), (args, ctx) -> CallToolResult.text(args.string("m", "")))
        .tool(Tool.named("version"), (args, ctx) -> CallToolResult.text(ctx.protocolVersion().id()))
        .tool(Tool.named("slow"), (args, ctx) -> {
          ctx.progress(1, 2.0, "half way");
          return CallToolResult.text("done");
        });
  }

  @Test
  void anAutoClientSpeaksModernToADualEraServer() {
    Wire wire = new Wire();
    try (McpClient client = client(echo().build(), Era.AUTO, wire.pair()).connect()) {
      assertTrue(client.isModern());
      assertEquals(ProtocolVersion.V2026_07_28, client.protocolVersion());
      assertEquals("era", client.serverInfo().name());
      assertEquals("2026-07-28", text(client.callTool("version", null)));
    }
    assertEquals(List.of(), wire.matching(Wire.method("initialize")));
  }

  @Test
  void anAutoClientFallsBackToInitializeOnALegacyOnlyServer() {
    Wire wire = new Wire();
    McpServer server = echo().protocolVersions(ProtocolVersion.V2025_11_25).build();
    try (McpClient client = client(server, Era.AUTO, wire.pair()).connect()) {
      assertFalse(client.isModern());
      assertEquals(ProtocolVersion.V2025_11_25, client.protocolVersion());
      assertEquals("2025-11-25", text(client.callTool("version", null)));
    }
    assertEquals(1, wire.matching(Wire.method("server/discover")).size());
    assertEquals(1, wire.matching(Wire.method("initialize")).size());
    assertEquals(1, wire.matching(Wire.method("notifications/initialized")).size());
  }

  @Test
  void anAutoClientSpeaksModernToAModernOnlyServer() {
    try (McpClient client = connect(echo().protocolVersions(ProtocolVersion.V2026_07_28).build(), Era.AUTO)) {
      assertTrue(client.isModern());
      assertEquals("hi", text(client.callTool("echo", Map.of("m", "hi"))));
    }
  }

  @Test
  void aModernClientFailsClearlyAgainstALegacyOnlyServer() {
    McpServer server = echo().protocolVersions(ProtocolVersion.V2025_11_25).build();
    McpException error = fails(() -> connect(server, Era.MODERN));
    assertEquals(-32022, error.code());
    assertTrue(error.getMessage().contains("2026-07-28"), error.getMessage());
    JsonNode data = error.data().tree();
    assertEquals(E2e.json("[\"2025-11-25\"]"), data.path("supported"));
  }

  @Test
  void aLegacyClientFailsClearlyAgainstAModernOnlyServer() {
    McpServer server = echo().protocolVersions(ProtocolVersion.V2026_07_28).build();
    McpException error = fails(() -> connect(server, Era.LEGACY));
    assertEquals(-32022, error.code());
    assertEquals(E2e.json("[\"2026-07-28\"]"), error.data().tree().path("supported"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ProtocolVersion.class, names = "V2026_07_28", mode = EnumSource.Mode.EXCLUDE)
  void initializeNegotiatesEveryLegacyRevision(ProtocolVersion version) {
    Wire wire = new Wire();
    try (McpClient client = client(echo().build(), Era.LEGACY, wire.pair()).legacyVersion(version).connect()) {
      assertEquals(version, client.protocolVersion());
      assertEquals(version.id(), text(client.callTool("version", null)));
      assertEquals("hi", text(client.callTool("echo", Map.of("m", "hi"))));
    }
    JsonNode initialize = wire.awaitFrame(Wire.method("initialize"));
    assertEquals(version.id(), initialize.path("params").path("protocolVersion").asText());
  }

  @Test
  void theServerAnswersAnUnsupportedProposalWithItsNewestLegacyRevision() {
    McpServer server = echo().protocolVersions(ProtocolVersion.V2024_11_05, ProtocolVersion.V2025_06_18).build();
    try (McpClient client = client(server, Era.LEGACY).legacyVersion(ProtocolVersion.V2025_11_25).connect()) {
      assertEquals(ProtocolVersion.V2025_06_18, client.protocolVersion());
    }
  }

  @Test
  void progressOn20241105CarriesNoMessage() {
    List<ProgressNotificationParams> progress = Collections.synchronizedList(new ArrayList<>());
    try (McpClient client = client(echo().build(), Era.LEGACY).legacyVersion(ProtocolVersion.V2024_11_05).connect()) {
      client.callTool("slow", null, RequestOptions.progress(progress::add));
    }
    assertEquals(1, progress.size());
    assertEquals(1.0, progress.get(0).progress());
    assertNull(progress.get(0).message(), "progress messages came with 2025-03-26");
  }

  @Test
  void aModernRequestForAnUnsupportedVersionIsUnsupportedProtocolVersion() {
    try (RawClient raw = RawClient.connect(echo().build())) {
      ObjectNode params = RawClient.modern(E2e.object());
      ((ObjectNode) params.get("_meta")).put(Meta.PROTOCOL_VERSION, "2099-01-01");
      JsonNode answer = raw.request("tools/list", params);
      assertEquals(-32022, answer.path("error").path("code").asInt(), answer.toString());
      assertEquals("2099-01-01", answer.path("error").path("data").path("requested").asText(), answer.toString());
      // What a request may name in _meta, as server/discover lists it: not the legacy revisions of initialize.
      assertEquals(E2e.json("[\"2026-07-28\"]"), answer.path("error").path("data").path("supported"),
          answer.toString());
    }
  }

  @Test
  void aModernRequestWithoutClientCapabilitiesIsInvalidParams() {
    try (RawClient raw = RawClient.connect(echo().build())) {
      ObjectNode params = RawClient.modern(E2e.object());
      ((ObjectNode) params.get("_meta")).remove(Meta.CLIENT_CAPABILITIES);
      JsonNode answer = raw.request("tools/list", params);
      assertEquals(-32602, answer.path("error").path("code").asInt(), answer.toString());
    }
  }

  @Test
  void aLegacyRequestBeforeInitializeIsRejected() {
    try (RawClient raw = RawClient.connect(echo().build())) {
      JsonNode answer = raw.request("tools/list", null);
      assertEquals(-32600, answer.path("error").path("code").asInt(), answer.toString());
    }
  }

  @Test
  void aStatelessConnectionServesLegacyRequestsWithoutInitialize() {
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    echo().build().connectStateless(pair.server(), ProtocolVersion.V2025_06_18);
    try (RawClient raw = RawClient.start(pair.client())) {
      JsonNode tools = raw.request("tools/list", null);
      assertEquals(3, tools.path("tools").size(), tools.toString());
      assertFalse(tools.has("resultType"), "a legacy result");
      JsonNode result = raw.request("tools/call", E2e.object().put("name", "version"));
      assertEquals("2025-06-18", result.path("content").path(0).path("text").asText(), result.toString());
    }
  }

  @Test
  void aStatelessConnectionAnswersTheInitializeOfALegacyClient() {
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    echo().build().connectStateless(pair.server(), ProtocolVersion.V2025_11_25);
    try (McpClient client = McpClient.builder().transport(pair.client()).era(Era.LEGACY)
        .legacyVersion(ProtocolVersion.V2025_06_18).connect()) {
      assertEquals(ProtocolVersion.V2025_06_18, client.protocolVersion());
      assertEquals("2025-06-18", text(client.callTool("version", null)));
    }
  }

  @Test
  void aStatelessConnectionServesModernRequestsToo() {
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    echo().build().connectStateless(pair.server(), ProtocolVersion.V2025_11_25);
    try (McpClient client = McpClient.builder().transport(pair.client()).era(Era.AUTO).connect()) {
      assertTrue(client.isModern());
      assertEquals("2026-07-28", text(client.callTool("version", null)));
    }
  }

  @Test
  void aStatelessConnectionNeedsALegacyRevisionTheServerSpeaks() {
    McpServer server = echo().protocolVersions(ProtocolVersion.V2025_11_25).build();
    assertThrows(IllegalArgumentException.class,
        () -> server.connectStateless(InMemoryTransport.pair().server(), ProtocolVersion.V2026_07_28));
    assertThrows(IllegalArgumentException.class,
        () -> server.connectStateless(InMemoryTransport.pair().server(), ProtocolVersion.V2024_11_05));
  }
}
