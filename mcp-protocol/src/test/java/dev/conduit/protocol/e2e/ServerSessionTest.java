package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.await;
import static dev.conduit.protocol.e2e.E2e.client;
import static dev.conduit.protocol.e2e.E2e.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.client.Subscription;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ListRootsResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.LoggingMessageNotificationParams;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.Root;
import dev.conduit.protocol.schema.SubscriptionFilter;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.ListKind;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.ServerSession;
import dev.conduit.protocol.server.SessionListener;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Specifies what a server and its handlers can do with the connections they serve: a connection's id and attributes,
 * the {@link SessionListener} events (open, close, resource subscriptions in both eras, roots changes), sending to a
 * client outside any request, and what a handler's context says about its request (its {@code _meta}, progress
 * token, a log message under another logger's name, a notification of its own).
 */
class ServerSessionTest {

  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

  private final SessionListener recorder = new SessionListener() {
    @Override
    public void opened(ServerSession session) {
      events.add("opened");
    }

    @Override
    public void closed(ServerSession session) {
      events.add("closed");
    }

    @Override
    public void subscribed(ServerSession session, String uri) {
      events.add("subscribed " + uri);
    }

    @Override
    public void unsubscribed(ServerSession session, String uri) {
      events.add("unsubscribed " + uri);
    }

    @Override
    public void rootsListChanged(ServerSession session) {
      events.add("roots");
    }
  };

  private final AtomicReference<ServerSession> handlerSession = new AtomicReference<>();

  private final McpServer server = McpServer.builder()
      .sessionListener(recorder)
      .resource(Resource.of("mem://a", "a"), (uri, ctx) -> ReadResourceResult.of(TextResourceContents.of(uri, null, "")))
      .tool(Tool.named("whoami"), (args, ctx) -> {
        handlerSession.set(ctx.session());
        ctx.session().attributes().put("seen", "yes");
        return CallToolResult.text(ctx.session().id());
      })
      .tool(Tool.named("meta"), (args, ctx) -> CallToolResult.text(
          ctx.meta().get("traceparent") + " " + (ctx.progressToken() != null)))
      .tool(Tool.named("relay"), (args, ctx) -> {
        ctx.log(LoggingLevel.WARNING, "upstream-a", "from upstream");
        ctx.notify("notifications/x-custom", E2e.object().put("n", 1));
        return CallToolResult.text("relayed");
      })
      .build();

  @BothEras
  void aConnectionHasAnIdAndAttributesItsHandlersShare(Era era) {
    try (McpClient client = client(server, era).connect()) {
      String first = E2e.text(client.callTool("whoami", null));
      assertEquals(handlerSession.get().id(), first);
      assertEquals("yes", handlerSession.get().attributes().get("seen"));
    }
    try (McpClient other = client(server, era).connect()) {
      assertNotEquals(handlerSession.get().id(), E2e.text(other.callTool("whoami", null)) + "x");
    }
  }

  @Test
  void twoConnectionsHaveDifferentIds() {
    try (McpClient a = client(server, Era.LEGACY).connect(); McpClient b = client(server, Era.LEGACY).connect()) {
      assertNotEquals(E2e.text(a.callTool("whoami", null)), E2e.text(b.callTool("whoami", null)));
    }
  }

  @Test
  void theListenerHearsAConnectionOpenAndClose() {
    McpClient client = client(server, Era.LEGACY).connect();
    assertEquals("opened", next(events));
    client.close();
    assertEquals("closed", next(events));
  }

  @Test
  void aLegacySubscriptionIsHeardOnceAndEndsWithTheConnection() {
    McpClient client = client(server, Era.LEGACY).connect();
    assertEquals("opened", next(events));
    client.subscribeResource("mem://a");
    client.subscribeResource("mem://a");
    assertEquals("subscribed mem://a", next(events));
    client.close();
    assertEquals("unsubscribed mem://a", next(events));
    assertEquals("closed", next(events));
  }

  @Test
  void aLegacyUnsubscribeIsHeard() {
    try (McpClient client = client(server, Era.LEGACY).connect()) {
      next(events);
      client.subscribeResource("mem://a");
      client.unsubscribeResource("mem://a");
      assertEquals("subscribed mem://a", next(events));
      assertEquals("unsubscribed mem://a", next(events));
    }
  }

  @Test
  void aModernListenStreamSubscribesForAsLongAsItIsOpen() {
    try (McpClient client = client(server, Era.MODERN).connect()) {
      assertEquals("opened", next(events));
      Subscription listen = client.listen(SubscriptionFilter.listChanges(false, false, false).withResourceSubscriptions("mem://a"));
      await(listen.acknowledged());
      assertEquals("subscribed mem://a", next(events));
      listen.close();
      assertEquals("unsubscribed mem://a", next(events));
    }
  }

  @Test
  void theListenerHearsTheClientsRootsChange() {
    try (McpClient client = client(server, Era.LEGACY).roots(List.of(Root.of("file:///a", "a"))).connect()) {
      next(events);
      await(client.async().rootsListChanged());
      assertEquals("roots", next(events));
    }
  }

  @Test
  void aServerAsksALegacyClientForItsRootsOutsideAnyRequest() {
    AtomicReference<ServerSession> opened = new AtomicReference<>();
    McpServer asking = McpServer.builder().sessionListener(new SessionListener() {
      @Override
      public void opened(ServerSession session) {
        opened.set(session);
      }
    }).build();
    try (McpClient client = client(asking, Era.LEGACY).roots(List.of(Root.of("file:///work", "work"))).connect()) {
      JsonPayload roots = await(opened.get().request("roots/list", null));
      assertEquals("file:///work", roots.as(ListRootsResult.class).roots().get(0).uri());
    }
  }

  @Test
  void aSessionSendsToItsClientOutsideAnyRequest() {
    BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    try (McpClient client = client(server, Era.LEGACY)
        .onToolsListChanged(() -> heard.add("tools changed"))
        .onResourceUpdated(uri -> heard.add("updated " + uri))
        .onLog(log -> heard.add(log.logger() + ": " + log.data().asText()))
        .onNotification(n -> heard.add("raw " + n.method()))
        .connect()) {
      E2e.text(client.callTool("whoami", null));
      ServerSession session = handlerSession.get();
      client.subscribeResource("mem://a");
      session.notifyListChanged(ListKind.TOOLS);
      assertEquals("tools changed", next(heard));
      assertEquals("raw notifications/tools/list_changed", next(heard));
      session.notifyResourceUpdated("mem://other");
      session.notifyResourceUpdated("mem://a");
      assertEquals("updated mem://a", next(heard), "only what the client follows");
      next(heard);
      session.log(LoggingLevel.INFO, "upstream-b", "hello");
      assertEquals("upstream-b: hello", next(heard));
      next(heard);
      session.notify("notifications/x-custom", E2e.object().put("n", 2));
      assertEquals("raw notifications/x-custom", next(heard));
    }
  }

  @BothEras
  void aHandlerReadsTheRequestsMetaAndProgressToken(Era era) {
    try (McpClient client = client(server, era).connect()) {
      RequestOptions options = RequestOptions.defaults().withProgress(p -> { })
          .withMeta(Meta.empty().with("traceparent", "00-abc-01"));
      assertEquals("\"00-abc-01\" true", E2e.text(client.callTool("meta", null, options)));
      assertEquals("null false", E2e.text(client.callTool("meta", null)));
    }
  }

  @BothEras
  void aHandlerLogsUnderAnotherLoggersNameAndSendsNotificationsOfItsOwn(Era era) {
    BlockingQueue<LoggingMessageNotificationParams> logs = new LinkedBlockingQueue<>();
    CompletableFuture<String> custom = new CompletableFuture<>();
    try (McpClient client = client(server, era).onLog(logs::add)
        .onNotification(n -> {
          if (n.method().equals("notifications/x-custom")) {
            custom.complete(n.params().toString());
          }
        }).connect()) {
      client.setLoggingLevel(LoggingLevel.DEBUG);
      assertEquals("relayed", E2e.text(client.callTool("relay", null)));
      LoggingMessageNotificationParams log = next(logs);
      assertEquals("upstream-a", log.logger());
      assertEquals("{\"n\":1}", await(custom));
    }
  }

  @Test
  void aModernConnectionCannotCarryARequestToTheClient() {
    try (McpClient client = client(server, Era.MODERN).connect()) {
      E2e.text(client.callTool("whoami", null));
      assertNull(handlerSession.get().clientCapabilities());
      assertTrue(E2e.failure(handlerSession.get().request("roots/list", null)).getMessage().contains("legacy"));
    }
  }
}
