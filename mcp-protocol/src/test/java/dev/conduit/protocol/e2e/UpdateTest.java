package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.await;
import static dev.conduit.protocol.e2e.E2e.client;
import static dev.conduit.protocol.e2e.E2e.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.Subscription;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.ServerCapabilities;
import dev.conduit.protocol.schema.SubscriptionFilter;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.ListKind;
import dev.conduit.protocol.server.McpServer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Specifies changes to a running server's features as a gateway makes them: a batch lands at once and is announced
 * once per list, a batch with a bad change lands not at all, lists kept outside the server are announced on demand,
 * and capabilities declared before anything is registered are honoured by listen streams.
 */
class UpdateTest {

  private final BlockingQueue<String> changes = new LinkedBlockingQueue<>();

  private McpClient connect(McpServer server, Era era) {
    McpClient client = client(server, era)
        .onToolsListChanged(() -> changes.add("tools"))
        .onResourcesListChanged(() -> changes.add("resources"))
        .connect();
    if (era == Era.MODERN) {
      Subscription all = client.listen(SubscriptionFilter.listChanges(true, true, true));
      await(all.acknowledged());
    }
    return client;
  }

  private static Tool tool(String name) {
    return Tool.named(name).build();
  }

  @BothEras
  void aBatchOfChangesIsAnnouncedOncePerList(Era era) throws InterruptedException {
    McpServer server = McpServer.builder().tool(tool("old"), (args, ctx) -> CallToolResult.text("old")).build();
    try (McpClient client = connect(server, era)) {
      server.update(batch -> batch.removeTool("old").addTool(tool("a"), (args, ctx) -> CallToolResult.text("a"))
          .addTool(tool("b"), (args, ctx) -> CallToolResult.text("b")));
      assertEquals("tools", next(changes));
      assertNull(changes.poll(300, TimeUnit.MILLISECONDS), "one notification for the whole batch");
      assertEquals(List.of("a", "b"), client.listAllTools().stream().map(Tool::name).toList());
    }
  }

  @BothEras
  void aBatchWithABadChangeChangesNothing(Era era) throws InterruptedException {
    McpServer server = McpServer.builder().tool(tool("keep"), (args, ctx) -> CallToolResult.text("keep")).build();
    try (McpClient client = connect(server, era)) {
      Tool broken = Tool.named("broken").inputSchema("{\"$ref\": \"#/$defs/missing\"}").build();
      assertThrows(IllegalArgumentException.class, () -> server.update(batch -> batch.removeTool("keep")
          .addTool(broken, (args, ctx) -> CallToolResult.text("x"))));
      assertEquals(List.of("keep"), client.listAllTools().stream().map(Tool::name).toList());
      assertNull(changes.poll(300, TimeUnit.MILLISECONDS));
    }
  }

  @BothEras
  void aListKeptOutsideTheServerIsAnnouncedOnDemand(Era era) {
    McpServer server = McpServer.builder().capabilities(ServerCapabilities.builder().tools(true).build()).build();
    try (McpClient client = connect(server, era)) {
      server.notifyListChanged(ListKind.TOOLS);
      assertEquals("tools", next(changes));
    }
  }

  @BothEras
  void aResourceTemplateCanBeRemoved(Era era) {
    McpServer server = McpServer.builder()
        .resourceTemplate(ResourceTemplate.of("mem://{x}", "mem"),
            (uri, variables, ctx) -> ReadResourceResult.of(TextResourceContents.of(uri, null, "")))
        .build();
    try (McpClient client = connect(server, era)) {
      assertTrue(server.removeResourceTemplate("mem://{x}"));
      assertEquals("resources", next(changes));
      assertTrue(client.listAllResourceTemplates().isEmpty());
      assertFalse(server.removeResourceTemplate("mem://{x}"));
    }
  }

  @BothEras
  void declaredCapabilitiesHoldBeforeAnythingIsRegistered(Era era) {
    McpServer gateway = McpServer.builder()
        .capabilities(ServerCapabilities.builder().tools(true).resources(true, true).build())
        .build();
    try (McpClient client = connect(gateway, era)) {
      assertTrue(client.serverCapabilities().notifiesToolsChanges());
      gateway.addTool(tool("late"), (args, ctx) -> CallToolResult.text("late"));
      assertEquals("tools", next(changes));
      assertEquals("late", E2e.text(client.callTool("late", null)));
    }
  }
}
