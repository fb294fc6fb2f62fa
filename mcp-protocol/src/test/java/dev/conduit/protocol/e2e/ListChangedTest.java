package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.await;
import static dev.conduit.protocol.e2e.E2e.client;
import static dev.conduit.protocol.e2e.E2e.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.Subscription;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.SubscriptionFilter;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Specifies that changes to a running server's tools, prompts and resources reach the client's list-changed
 * listeners: on a legacy connection directly, on a modern one through a {@code subscriptions/listen} stream that asked
 * for them, and that a modern client is not told about lists it did not ask for.
 */
class ListChangedTest {

  private final McpServer server = McpServer.builder()
      .tool(Tool.named("first"), (args, ctx) -> CallToolResult.text("1"))
      .prompt(Prompt.of("greet", null), (args, ctx) -> GetPromptResult.of(null))
      .resource(Resource.of("mem://a", "a"), (uri, ctx) -> empty(uri))
      .build();

  private final BlockingQueue<String> changes = new LinkedBlockingQueue<>();

  private static ReadResourceResult empty(String uri) {
    return ReadResourceResult.of(TextResourceContents.of(uri, null, ""));
  }

  private McpClient connect(Era era) {
    McpClient client = client(server, era)
        .onToolsListChanged(() -> changes.add("tools"))
        .onPromptsListChanged(() -> changes.add("prompts"))
        .onResourcesListChanged(() -> changes.add("resources"))
        .connect();
    if (era == Era.MODERN) {
      // Not closed here: the stream ends with the client.
      Subscription all = client.listen(SubscriptionFilter.listChanges(true, true, true));
      await(all.acknowledged());
    }
    return client;
  }

  @BothEras
  void addingAToolTellsTheClient(Era era) {
    try (McpClient client = connect(era)) {
      server.addTool(Tool.named("second").build(), (args, ctx) -> CallToolResult.text("2"));
      assertEquals("tools", next(changes));
      assertEquals(List.of("first", "second"), client.listAllTools().stream().map(Tool::name).toList());
    }
  }

  @BothEras
  void removingAToolTellsTheClient(Era era) {
    try (McpClient client = connect(era)) {
      assertTrue(server.removeTool("first"));
      assertEquals("tools", next(changes));
      assertEquals(List.of(), client.listAllTools());
    }
  }

  @BothEras
  void addingAPromptTellsTheClient(Era era) {
    try (McpClient client = connect(era)) {
      server.addPrompt(Prompt.of("farewell", null), (args, ctx) -> GetPromptResult.of(null));
      assertEquals("prompts", next(changes));
      assertEquals(2, client.listAllPrompts().size());
    }
  }

  @BothEras
  void addingAResourceTellsTheClient(Era era) {
    try (McpClient client = connect(era)) {
      server.addResource(Resource.of("mem://b", "b"),
          (uri, ctx) -> empty(uri));
      assertEquals("resources", next(changes));
      assertEquals(2, client.listAllResources().size());
    }
  }

  @BothEras
  void changesAreToldInTheOrderTheyHappen(Era era) {
    try (McpClient client = connect(era)) {
      server.addTool(Tool.named("second").build(), (args, ctx) -> CallToolResult.text("2"));
      server.removePrompt("greet");
      server.removeResource("mem://a");
      assertEquals(List.of("tools", "prompts", "resources"), List.of(next(changes), next(changes), next(changes)));
    }
  }

  @Test
  void aModernClientIsToldOnlyAboutTheListsItListensTo() {
    try (McpClient client = client(server, Era.MODERN)
        .onToolsListChanged(() -> changes.add("tools"))
        .onPromptsListChanged(() -> changes.add("prompts"))
        .connect()) {
      Subscription prompts = client.listen(SubscriptionFilter.listChanges(false, true, false));
      await(prompts.acknowledged());
      server.addTool(Tool.named("second").build(), (args, ctx) -> CallToolResult.text("2"));
      server.addPrompt(Prompt.of("farewell", null), (args, ctx) -> GetPromptResult.of(null));
      // Had the tool change been sent, it would have arrived first.
      assertEquals("prompts", next(changes));
      assertEquals(List.of(), List.copyOf(changes));
    }
  }
}
