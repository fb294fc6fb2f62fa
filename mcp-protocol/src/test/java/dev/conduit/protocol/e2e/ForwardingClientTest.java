package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.await;
import static dev.conduit.protocol.e2e.E2e.client;
import static dev.conduit.protocol.e2e.E2e.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.client.ServerRequest;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.e2e.E2e.Wire;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.ListRootsResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.schema.Root;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.ServerSession;
import dev.conduit.protocol.server.SessionListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Specifies what a client offers the upstream side of a bridge: a call's own {@code _meta} and capabilities (and no
 * modern entries to a legacy server), an {@code input_required} result handed back instead of answered, the server's
 * requests reaching a {@link dev.conduit.protocol.client.ServerRequestHandler} with the tag of the call they were made
 * for, and a call's own notifications going to the call.
 */
class ForwardingClientTest {

  private final McpServer server = McpServer.builder()
      .tool(Tool.named("meta"), (args, ctx) -> CallToolResult.text(String.valueOf(ctx.meta().get("traceparent"))))
      .tool(Tool.named("can_elicit"), (args, ctx) ->
          CallToolResult.text(String.valueOf(ctx.clientCapabilities().supportsFormElicitation())))
      .tool(Tool.named("who"), (args, ctx) ->
          CallToolResult.text(InputTest.askName(ctx).content().path("name").asText()))
      .tool(Tool.named("chatty"), (args, ctx) -> {
        ctx.log(LoggingLevel.INFO, "working");
        return CallToolResult.text("done");
      })
      .build();

  private static ElicitResult named(String name) {
    return ElicitResult.accept(E2e.object().put("name", name));
  }

  @BothEras
  void aCallsOwnMetaReachesTheServer(Era era) {
    try (McpClient client = client(server, era).connect()) {
      RequestOptions traced = RequestOptions.defaults().withMeta(Meta.empty().with("traceparent", "00-1-01"));
      assertEquals("\"00-1-01\"", E2e.text(client.callTool("meta", null, traced)));
    }
  }

  @Test
  void aLegacyServerGetsNoModernEntriesOfACallsMeta() {
    Wire wire = new Wire();
    Meta downstream = Meta.empty().with(Meta.PROTOCOL_VERSION, "2026-07-28")
        .with(Meta.CLIENT_CAPABILITIES, E2e.object()).with(Meta.CLIENT_INFO, E2e.object().put("name", "x"))
        .with("traceparent", "00-1-01");
    try (McpClient client = client(server, Era.LEGACY, wire.pair()).connect()) {
      assertEquals("\"00-1-01\"", E2e.text(client.callTool("meta", null, RequestOptions.defaults().withMeta(downstream))));
    }
    JsonNode sent = wire.awaitFrame(Wire.method("tools/call")).path("params").path("_meta");
    assertEquals(List.of("traceparent"), iterable(sent));
  }

  @Test
  void aCallDeclaresItsOwnCapabilitiesToAModernServer() {
    try (McpClient client = client(server, Era.MODERN).connect()) {
      assertEquals("false", E2e.text(client.callTool("can_elicit", null)));
      ClientCapabilities elicits = ClientCapabilities.builder().elicitation(true, false).build();
      assertEquals("true", E2e.text(client.callTool("can_elicit", null,
          RequestOptions.defaults().withCapabilities(elicits))));
    }
  }

  @Test
  void anInputRequiredResultPassedThroughIsTheCallsResult() {
    try (McpClient client = client(server, Era.MODERN).elicitation(request -> named("never asked")).connect()) {
      JsonPayload result = client.request("tools/call", E2e.object().put("name", "who"),
          RequestOptions.defaults().withInputRequiredPassedThrough(true));
      assertEquals("input_required", result.memberText("resultType"));
      assertTrue(result.tree().path("requestState").isTextual());
    }
  }

  @BothEras
  void theServersRequestsReachTheHandlerWithTheTagOfTheirCall(Era era) {
    try (McpClient client = client(server, era)
        .capabilities(ClientCapabilities.builder().elicitation(true, false).build())
        .serverRequestHandler(request -> CompletableFuture.completedFuture(
            JsonPayload.of(named(request.method() + " for " + request.callTag()))))
        .connect()) {
      assertEquals("elicitation/create for downstream-7",
          E2e.text(client.callTool("who", null, RequestOptions.defaults().withTag("downstream-7"))));
    }
  }

  @Test
  void aRequestMadeForNoCallHasNoTag() {
    AtomicReference<ServerSession> session = new AtomicReference<>();
    McpServer asking = McpServer.builder().sessionListener(new SessionListener() {
      @Override
      public void opened(ServerSession opened) {
        session.set(opened);
      }
    }).build();
    AtomicReference<ServerRequest> seen = new AtomicReference<>();
    try (McpClient client = client(asking, Era.LEGACY)
        .capabilities(ClientCapabilities.builder().roots(true).build())
        .serverRequestHandler(request -> {
          seen.set(request);
          return CompletableFuture.completedFuture(JsonPayload.of(ListRootsResult.of(Root.of("file:///x", "x"))));
        })
        .connect()) {
      await(session.get().request("roots/list", null));
      assertEquals("roots/list", seen.get().method());
      assertNull(seen.get().callTag());
    }
  }

  @BothEras
  void aCallsNotificationsGoToItsOwnListenerInsteadOfTheClients(Era era) throws InterruptedException {
    BlockingQueue<String> clientWide = new LinkedBlockingQueue<>();
    BlockingQueue<JsonRpcNotification> own = new LinkedBlockingQueue<>();
    try (McpClient client = client(server, era).onLog(log -> clientWide.add(log.data().asText())).connect()) {
      client.setLoggingLevel(LoggingLevel.DEBUG);
      client.callTool("chatty", null, RequestOptions.defaults().withNotifications(own::add));
      assertEquals("notifications/message", next(own).method());
      assertNull(clientWide.poll(200, TimeUnit.MILLISECONDS));
      client.callTool("chatty", null);
      assertEquals("working", next(clientWide));
    }
  }

  @Test
  void progressStillGoesToTheCallsProgressListener() {
    McpServer progressing = McpServer.builder().tool(Tool.named("p"), (args, ctx) -> {
      ctx.progress(1, 2.0, null);
      return CallToolResult.text("p");
    }).build();
    BlockingQueue<Double> progress = new LinkedBlockingQueue<>();
    try (McpClient client = client(progressing, Era.LEGACY).connect()) {
      client.callTool("p", null, RequestOptions.progress(p -> progress.add(p.progress()))
          .withNotifications(n -> { }));
      assertEquals(1.0, next(progress));
    }
    assertFalse(progress.contains(2.0));
  }

  private static List<String> iterable(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
