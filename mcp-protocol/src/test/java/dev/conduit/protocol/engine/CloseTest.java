package dev.conduit.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.engine.WireLog.Connected;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import dev.conduit.protocol.transport.McpTransport;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Specifies the end of a connection: closing the client, or the server closing its end, fails every pending call
 * at once with {@link McpConnectionClosedException} (not after the calls' timeout, which here is a minute), and a
 * call made after the close fails immediately. The server cancels the handlers of the requests it was serving.
 */
class CloseTest {

  private static final int PENDING = 5;
  private static final long WAIT = RawPeer.WAIT_SECONDS;

  private final CountDownLatch started = new CountDownLatch(PENDING);
  private final CountDownLatch handlersCancelled = new CountDownLatch(PENDING);
  private final McpServer server =
      McpServer.builder()
          .tool(Tool.named("stall"), (args, ctx) -> {
            ctx.onCancel(handlersCancelled::countDown);
            started.countDown();
            new CountDownLatch(1).await(WAIT * 3, TimeUnit.SECONDS);
            return CallToolResult.text("too late");
          })
          .build();

  @AfterEach
  void shutDown() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void closingTheClientFailsEveryPendingCallAtOnce(Era era) throws Exception {
    Connected connection = connect(era);
    List<CompletableFuture<CallToolResult>> calls = startPendingCalls(connection);

    connection.client().close();

    for (CompletableFuture<CallToolResult> call : calls) {
      assertClosed(call);
    }
    assertTrue(handlersCancelled.await(WAIT, TimeUnit.SECONDS), "the server cancelled every handler");
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void callsAfterCloseFailImmediately(Era era) {
    Connected connection = connect(era);
    connection.client().close();

    CompletableFuture<CallToolResult> call = connection.client().async().callTool("stall", null);
    assertTrue(call.isCompletedExceptionally(), "failed before callTool returned");
    McpConnectionClosedException failure =
        assertThrows(McpConnectionClosedException.class, () -> connection.client().callTool("stall", null));
    assertSaysClosed(failure);
    assertTrue(connection.client().async().isClosed());
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void theServerClosingItsEndFailsPendingCallsAtOnce(Era era) throws Exception {
    try (Connected connection = connect(era)) {
      List<CompletableFuture<CallToolResult>> calls = startPendingCalls(connection);

      connection.session().close();

      for (CompletableFuture<CallToolResult> call : calls) {
        assertClosed(call);
      }
      assertTrue(handlersCancelled.await(WAIT, TimeUnit.SECONDS), "the server cancelled every handler");
      assertTrue(connection.client().async().isClosed(), "the client knows the connection ended");
    }
  }

  @Test
  void aTransportClosedByTheServersCloseSeesTheServerClosed() throws Exception {
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    CompletableFuture<Boolean> serverClosedAtClose = new CompletableFuture<>();
    McpTransport reporting = new McpTransport() {
      @Override
      public void start(Listener listener) {
        pair.server().start(listener);
      }

      @Override
      public CompletionStage<Void> send(JsonRpcMessage message, @Nullable RequestId relatedRequest) {
        return pair.server().send(message, relatedRequest);
      }

      @Override
      public void close() {
        serverClosedAtClose.complete(server.isClosed());
        pair.server().close();
      }
    };
    server.connect(reporting);
    assertFalse(server.isClosed());

    server.close();

    assertTrue(serverClosedAtClose.get(WAIT, TimeUnit.SECONDS));
    pair.client().close();
  }

  private Connected connect(Era era) {
    return WireLog.connect(server, era, builder -> builder.requestTimeout(Duration.ofMinutes(1)));
  }

  private List<CompletableFuture<CallToolResult>> startPendingCalls(Connected connection) throws InterruptedException {
    List<CompletableFuture<CallToolResult>> calls =
        IntStream.range(0, PENDING).mapToObj(i -> connection.client().async().callTool("stall", null)).toList();
    assertTrue(started.await(WAIT, TimeUnit.SECONDS), "every call reached its handler");
    return calls;
  }

  /** The call fails well before its one-minute timeout, because the connection closed. */
  private static void assertClosed(CompletableFuture<CallToolResult> call) {
    ExecutionException failure = assertThrows(ExecutionException.class, () -> call.get(WAIT, TimeUnit.SECONDS));
    assertSaysClosed(assertInstanceOf(McpConnectionClosedException.class, failure.getCause()));
  }

  private static void assertSaysClosed(McpException failure) {
    assertEquals(McpConnectionClosedException.CODE, failure.code());
    String message = failure.getMessage().toLowerCase(Locale.ROOT);
    assertTrue(message.contains("connection") && message.contains("closed"), failure.getMessage());
  }
}
