package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.client;
import static dev.conduit.protocol.e2e.E2e.connect;
import static dev.conduit.protocol.e2e.E2e.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.ListToolsResult;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Specifies pagination of list results in both eras: a thousand tools come back complete and in registration order
 * across small pages, cursors are opaque and an invalid one is rejected, and the client's list-all helpers stop with
 * an error instead of looping on a server that repeats a cursor or that has more pages than the client allows.
 * Resources, resource templates and prompts page the same way.
 */
class PaginationTest {

  private static final int TOOLS = 1000;
  private static final int PAGE = 7;

  private static List<String> names() {
    return IntStream.range(0, TOOLS).mapToObj(i -> "tool_" + (TOOLS - i)).toList();
  }

  private static McpServer.Builder thousandTools() {
    McpServer.Builder builder = McpServer.builder().pageSize(PAGE);
    // Names run backwards, so that registration order and alphabetical order differ.
    names().forEach(name -> builder.tool(Tool.named(name), (args, ctx) -> CallToolResult.text(name)));
    return builder;
  }

  @BothEras
  void listAllReturnsAThousandToolsInRegistrationOrder(Era era) {
    try (McpClient client = connect(thousandTools().build(), era)) {
      List<String> listed = client.listAllTools().stream().map(Tool::name).toList();
      assertEquals(names(), listed);
    }
  }

  @BothEras
  void pagesHaveThePageSizeAndOpaqueDistinctCursors(Era era) {
    try (McpClient client = connect(thousandTools().build(), era)) {
      List<String> listed = new ArrayList<>();
      Set<String> cursors = new HashSet<>();
      String cursor = null;
      int pages = 0;
      do {
        ListToolsResult page = client.listTools(cursor);
        pages++;
        listed.addAll(page.tools().stream().map(Tool::name).toList());
        cursor = page.nextCursor();
        if (cursor != null) {
          assertEquals(PAGE, page.tools().size());
          assertTrue(cursors.add(cursor), "cursor repeated: " + cursor);
          assertFalse(cursor.matches("\\d+"), "a bare offset is not opaque: " + cursor);
        }
      } while (cursor != null);
      assertEquals((TOOLS + PAGE - 1) / PAGE, pages);
      assertEquals(names(), listed);
    }
  }

  @BothEras
  void aListThatFitsOnePageHasNoCursor(Era era) {
    McpServer server = McpServer.builder().tool(Tool.named("only"), (args, ctx) -> CallToolResult.text("x")).build();
    try (McpClient client = connect(server, era)) {
      assertNull(client.listTools(null).nextCursor());
    }
  }

  @BothEras
  void anInvalidCursorIsInvalidParams(Era era) {
    try (McpClient client = connect(thousandTools().build(), era)) {
      McpException error = fails(() -> client.listTools("not-a-cursor"));
      assertEquals(-32602, error.code());
    }
  }

  private static McpServer letters(String... names) {
    McpServer.Builder builder = McpServer.builder().pageSize(2);
    for (String name : names) {
      builder.tool(Tool.named(name), (args, ctx) -> CallToolResult.text(name));
    }
    return builder.build();
  }

  private static List<String> names(ListToolsResult page) {
    return page.tools().stream().map(Tool::name).toList();
  }

  @BothEras
  void aCursorStaysValidWhenTheItemsBeforeItAreRemoved(Era era) {
    McpServer server = letters("a", "b", "c", "d", "e");
    try (McpClient client = connect(server, era)) {
      ListToolsResult first = client.listTools(null);
      assertEquals(List.of("a", "b"), names(first));
      server.update(changes -> changes.removeTool("a").removeTool("b"));
      ListToolsResult second = client.listTools(first.nextCursor());
      assertEquals(List.of("c", "d"), names(second), "nothing skipped, nothing repeated");
      assertEquals(List.of("e"), names(client.listTools(second.nextCursor())));
    }
  }

  @BothEras
  void aCursorStaysValidWhenItsOwnItemIsRemoved(Era era) {
    McpServer server = letters("a", "b", "c", "d");
    try (McpClient client = connect(server, era)) {
      ListToolsResult first = client.listTools(null);
      server.removeTool("b");
      assertEquals(List.of("c", "d"), names(client.listTools(first.nextCursor())));
    }
  }

  @BothEras
  void itemsAddedWhilePagingAppearOnALaterPage(Era era) {
    McpServer server = letters("a", "b", "c");
    try (McpClient client = connect(server, era)) {
      ListToolsResult first = client.listTools(null);
      server.addTool(Tool.named("z").build(), (args, ctx) -> CallToolResult.text("z"));
      ListToolsResult second = client.listTools(first.nextCursor());
      assertEquals(List.of("c", "z"), names(second));
      assertNull(second.nextCursor());
    }
  }

  @BothEras
  void aReplacedItemKeepsItsPlace(Era era) {
    McpServer server = letters("a", "b", "c");
    server.addTool(Tool.named("a").description("again").build(), (args, ctx) -> CallToolResult.text("a2"));
    try (McpClient client = connect(server, era)) {
      assertEquals(List.of("a", "b", "c"), client.listAllTools().stream().map(Tool::name).toList());
    }
  }

  @BothEras
  void aCursorAfterEverythingWasRemovedGivesAnEmptyLastPage(Era era) {
    McpServer server = letters("a", "b", "c");
    try (McpClient client = connect(server, era)) {
      String cursor = client.listTools(null).nextCursor();
      server.update(changes -> changes.removeTool("a").removeTool("b").removeTool("c"));
      ListToolsResult page = client.listTools(cursor);
      assertEquals(List.of(), names(page));
      assertNull(page.nextCursor());
    }
  }

  @BothEras
  void listAllStopsWhenTheServerRepeatsACursor(Era era) {
    // A broken server: every page, the first included, says the next one is at the same cursor, and serves the
    // first page again for it.
    McpInterceptor sameCursorAgain = chain -> {
      if (!chain.request().method().equals("tools/list")) {
        return chain.proceed(chain.request());
      }
      return chain.proceed(chain.request().withParams(null)).thenApply(result -> {
        ObjectNode page = result.tree().deepCopy();
        page.put("nextCursor", "same-again");
        return JsonPayload.of(page);
      });
    };
    McpServer server = thousandTools().interceptor(sameCursorAgain).build();
    try (McpClient client = connect(server, era)) {
      McpException error = fails(client::listAllTools);
      assertTrue(error.getMessage().contains("repeated cursor"), error.getMessage());
    }
  }

  @BothEras
  void listAllStopsAfterMaxPages(Era era) {
    try (McpClient client = client(thousandTools().build(), era).maxPages(5).connect()) {
      McpException error = fails(client::listAllTools);
      assertTrue(error.getMessage().contains("more pages than the limit"), error.getMessage());
    }
  }

  @BothEras
  void listAllSucceedsWithExactlyMaxPages(Era era) {
    McpServer.Builder builder = McpServer.builder().pageSize(PAGE);
    for (int i = 0; i < PAGE * 3; i++) {
      builder.tool(Tool.named("t" + i), (args, ctx) -> CallToolResult.text("x"));
    }
    try (McpClient client = client(builder.build(), era).maxPages(3).connect()) {
      assertEquals(PAGE * 3, client.listAllTools().size());
    }
  }

  @BothEras
  void listAllFollowsCursorsForResourcesTemplatesAndPrompts(Era era) {
    McpServer.Builder builder = McpServer.builder().pageSize(2);
    for (int i = 0; i < 5; i++) {
      builder.resource(Resource.of("mem://r" + i, "r" + i),
          (uri, ctx) -> ReadResourceResult.of(TextResourceContents.of(uri, null, "")));
      builder.resourceTemplate(ResourceTemplate.of("mem://t" + i + "/{x}", "t" + i),
          (uri, variables, ctx) -> ReadResourceResult.of(TextResourceContents.of(uri, null, "")));
      builder.prompt(Prompt.of("p" + i, null), (args, ctx) -> GetPromptResult.of(null));
    }
    try (McpClient client = connect(builder.build(), era)) {
      assertEquals(List.of("r0", "r1", "r2", "r3", "r4"),
          client.listAllResources().stream().map(Resource::name).toList());
      assertEquals(List.of("t0", "t1", "t2", "t3", "t4"),
          client.listAllResourceTemplates().stream().map(ResourceTemplate::name).toList());
      assertEquals(List.of("p0", "p1", "p2", "p3", "p4"), client.listAllPrompts().stream().map(Prompt::name).toList());
      assertNotNull(client.async().listPrompts(null).join().nextCursor());
    }
  }
}
