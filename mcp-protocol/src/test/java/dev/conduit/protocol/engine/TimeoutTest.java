package dev.conduit.protocol.engine;

import static dev.conduit.protocol.engine.WireLog.cancelledBy;
import static dev.conduit.protocol.engine.WireLog.clientSent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpTimeoutException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.engine.WireLog.Connected;
import dev.conduit.protocol.internal.CallOptions;
import dev.conduit.protocol.internal.InboundRequest;
import dev.conduit.protocol.internal.Session;
import dev.conduit.protocol.internal.Threads;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.jsonrpc.JsonRpcRequest;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import dev.conduit.protocol.transport.TransportContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Specifies per-request timeouts: a call that gets no answer in time fails with {@link McpTimeoutException}, the
 * peer is told with {@code notifications/cancelled} (so the server's handler is cancelled), a response that arrives
 * afterwards is ignored, and nothing stays pending.
 */
class TimeoutTest {

  private static final long WAIT = RawPeer.WAIT_SECONDS;

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void aCallThatTimesOutFailsAndItsHandlerIsCancelledAtTheServer(Era era) throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch onCancelRan = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    McpServer server = McpServer.builder()
        .tool(Tool.named("stall"), (args, ctx) -> {
          ctx.onCancel(onCancelRan::countDown);
          entered.countDown();
          try {
            new CountDownLatch(1).await(WAIT * 3, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
          }
          return CallToolResult.text("too late");
        })
        .tool(Tool.named("echo"), (args, ctx) -> CallToolResult.text(args.requireString("text")))
        .build();
    try (Connected connection = WireLog.connect(server, era, builder -> builder.requestTimeout(Duration.ofMinutes(1)))) {
      Duration timeout = Duration.ofMillis(200);
      McpTimeoutException failure = assertThrows(McpTimeoutException.class,
          () -> connection.client().callTool("stall", null, RequestOptions.timeout(timeout)));
      assertEquals(McpTimeoutException.CODE, failure.code());
      assertTrue(failure.timeout().compareTo(timeout) >= 0, "waited at least the timeout: " + failure.timeout());
      assertTrue(failure.getMessage().contains("tools/call"), failure.getMessage());

      String id = connection.wire().await("tools/call", clientSent("tools/call")).id();
      connection.wire().await("notifications/cancelled for " + id, cancelledBy(id));
      assertTrue(entered.await(WAIT, TimeUnit.SECONDS), "the handler ran");
      assertTrue(onCancelRan.await(WAIT, TimeUnit.SECONDS), "the handler's onCancel callback ran");
      assertTrue(interrupted.await(WAIT, TimeUnit.SECONDS), "the handler's thread was interrupted");

      CallToolResult next = connection.client().callTool("echo", Map.of("text", "next"));
      assertEquals("next", ((TextContent) next.content().get(0)).text(), "the connection serves the next call");
    } finally {
      server.close();
    }
  }

  @Test
  void aResponseThatArrivesAfterTheTimeoutIsIgnoredAndNothingStaysPending() throws Exception {
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    RawPeer peer = RawPeer.on(pair.server());
    Session session = new Session(pair.client(), new NoRequests(), Threads.handlers());
    session.start();
    try {
      CompletableFuture<JsonPayload> slow = session.request("slow/thing", null, CallOptions.of(Duration.ofMillis(100)));
      JsonRpcRequest request = (JsonRpcRequest) peer.nextWithMethod("slow/thing");

      ExecutionException failure = assertThrows(ExecutionException.class, () -> slow.get(WAIT, TimeUnit.SECONDS));
      assertInstanceOf(McpTimeoutException.class, failure.getCause());
      JsonRpcNotification cancelled = (JsonRpcNotification) peer.nextWithMethod("notifications/cancelled");
      assertEquals(request.id().toString(), cancelled.params().member("requestId").toString(),
          "the cancellation names the request");
      assertEquals(0, session.pendingCount(), "nothing pending after the timeout");

      peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + request.id() + ",\"result\":{\"late\":true}}");
      CompletableFuture<JsonPayload> next = session.request("next/thing", null, CallOptions.of(Duration.ofSeconds(WAIT)));
      JsonRpcRequest nextRequest = (JsonRpcRequest) peer.nextWithMethod("next/thing");
      assertNotEquals(request.id(), nextRequest.id(), "a new request gets a new id");
      peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + nextRequest.id() + ",\"result\":{\"n\":2}}");

      assertEquals(2, next.get(WAIT, TimeUnit.SECONDS).tree().path("n").asInt(), "the next call gets its own result");
      assertTrue(slow.isCompletedExceptionally(), "the late response did not complete the timed-out call");
      assertEquals(0, session.pendingCount(), "nothing pending");
      peer.assertNothingMore();
    } finally {
      session.close();
    }
  }

  /** A session owner that serves no requests; the tests here only send. */
  private static final class NoRequests implements Session.Handler {
    @Override
    public CompletionStage<JsonPayload> onRequest(InboundRequest request) {
      return CompletableFuture.failedFuture(new UnsupportedOperationException(request.method()));
    }

    @Override
    public void onNotification(JsonRpcNotification notification, TransportContext context) {}
  }
}
