package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.await;
import static dev.conduit.protocol.e2e.E2e.client;
import static dev.conduit.protocol.e2e.E2e.connect;
import static dev.conduit.protocol.e2e.E2e.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.McpTimeoutException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Root;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Specifies the client's connection-level methods in both eras: what the client learns on connecting, ping, raw
 * requests, unknown methods (tasks on a server without them), roots-changed notifications, cancelling a call (the
 * server's handler sees it), timing out, and closing the client with calls in flight.
 */
class ConnectionTest {

  private final CountDownLatch started = new CountDownLatch(1);
  private final CompletableFuture<Void> cancelledAtServer = new CompletableFuture<>();

  private final McpServer server = McpServer.builder()
      .info("connection", "2.1")
      .instructions("Call wait to wait.")
      .tool(Tool.named("wait"), (args, ctx) -> {
        ctx.onCancel(() -> cancelledAtServer.complete(null));
        started.countDown();
        // Blocks until the request is cancelled, which interrupts this thread, or the wait runs out.
        cancelledAtServer.get(E2e.WAIT_SECONDS, TimeUnit.SECONDS);
        return CallToolResult.text("waited");
      })
      .build();

  private void awaitStarted() throws InterruptedException {
    assertTrue(started.await(E2e.WAIT_SECONDS, TimeUnit.SECONDS), "the handler never started");
  }

  @BothEras
  void theClientLearnsTheServersInfoInstructionsAndCapabilities(Era era) {
    try (McpClient client = connect(server, era)) {
      assertEquals("connection", client.serverInfo().name());
      assertEquals("2.1", client.serverInfo().version());
      assertEquals("Call wait to wait.", client.instructions());
      assertEquals(Boolean.TRUE, client.serverCapabilities().tools().listChanged());
    }
  }

  @BothEras
  void pingIsAnswered(Era era) {
    try (McpClient client = connect(server, era)) {
      client.ping();
    }
  }

  @BothEras
  void aRawRequestReturnsTheRawResultOfTheEra(Era era) {
    try (McpClient client = connect(server, era)) {
      JsonNode result = client.request("tools/list", null, RequestOptions.defaults()).tree();
      assertEquals("wait", result.path("tools").path(0).path("name").asText());
      assertEquals(era == Era.MODERN, result.has("resultType"), result.toString());
      assertEquals(era == Era.MODERN, result.has("ttlMs"), result.toString());
    }
  }

  @BothEras
  void anUnknownMethodIsMethodNotFound(Era era) {
    try (McpClient client = connect(server, era)) {
      assertEquals(-32601, fails(() -> client.request("tools/frobnicate", null, RequestOptions.defaults())).code());
    }
  }

  @BothEras
  void taskMethodsOfAServerWithoutTasksAreMethodNotFound(Era era) {
    try (McpClient client = connect(server, era)) {
      assertEquals(-32601, E2e.failure(client.async().getTask("t-1")).code());
    }
  }

  @BothEras
  void aRootsChangeNotificationLeavesTheConnectionWorking(Era era) {
    try (McpClient client = client(server, era).roots(List.of(Root.of("file:///a", null))).connect()) {
      await(client.async().rootsListChanged());
      client.ping();
    }
  }

  @Test
  void resourceSubscriptionIsNotAModernMethod() {
    try (McpClient client = connect(server, Era.MODERN)) {
      assertEquals(-32601, fails(() -> client.subscribeResource("mem://x")).code());
    }
  }

  @BothEras
  void cancellingACallCancelsItAtTheServer(Era era) throws InterruptedException {
    try (McpClient client = connect(server, era)) {
      CompletableFuture<CallToolResult> call = client.async().callTool("wait", null);
      awaitStarted();
      call.cancel(true);
      await(cancelledAtServer);
      assertThrows(CancellationException.class, call::join);
    }
  }

  @BothEras
  void aCallThatTimesOutFailsAndIsCancelledAtTheServer(Era era) {
    try (McpClient client = connect(server, era)) {
      McpTimeoutException timeout = assertThrows(McpTimeoutException.class,
          () -> client.callTool("wait", null, RequestOptions.timeout(Duration.ofSeconds(1))));
      assertEquals(McpTimeoutException.CODE, timeout.code());
      await(cancelledAtServer);
    }
  }

  @BothEras
  void closingTheClientFailsCallsInFlightAndEndsTheServersHandler(Era era) throws InterruptedException {
    McpClient client = connect(server, era);
    CompletableFuture<CallToolResult> call = client.async().callTool("wait", null);
    awaitStarted();
    client.close();
    ExecutionException failure = assertThrows(ExecutionException.class,
        () -> call.get(E2e.WAIT_SECONDS, TimeUnit.SECONDS));
    assertInstanceOf(McpConnectionClosedException.class, failure.getCause());
    await(cancelledAtServer);
    assertTrue(client.async().isClosed());
  }
}
