package dev.conduit.transport.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.transport.InMemoryTransport;
import dev.conduit.transport.http.StreamableHttpServer;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Specifies how a bridge fails and recovers: an upstream process killed mid-call fails the downstream call at once
 * with a stable JSON-RPC error, is restarted, and serves the next call; a malformed message from the upstream does not
 * end the downstream session; an unreachable upstream is reported without a host name on the downstream wire.
 */
class BridgeFaultsTest {

  private McpBridge bridge;

  @AfterEach
  void stop() {
    if (bridge != null) {
      bridge.close();
    }
  }

  private McpClient downstream(McpBridge bridge) {
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    bridge.server().connect(pair.server());
    return McpClient.builder().transport(pair.client()).era(Era.LEGACY).connect();
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, what);
      Thread.sleep(20);
    }
  }

  @Test
  void anUpstreamProcessKilledMidCallFailsTheCallAtOnceAndTheRestartedOneServesTheNext() throws Exception {
    bridge = McpBridge.start(Upstream.stdio(Origin.commandLine()));
    try (McpClient client = downstream(bridge)) {
      long pid = Long.parseLong(text(client.callTool("pid", null)));
      CompletableFuture<CallToolResult> call = client.async().callTool("hang", null);
      Thread.sleep(300); // let the call reach the child
      long killed = System.nanoTime();
      ProcessHandle.of(pid).orElseThrow().destroyForcibly();
      ExecutionException failed = assertThrows(ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
      McpException error = (McpException) failed.getCause();
      assertEquals(ErrorCodes.UPSTREAM_UNAVAILABLE, error.code());
      assertEquals("Upstream server unavailable", error.getMessage());
      assertTrue(millis < 1000, "failed " + millis + " ms after the kill");
      System.out.println("The downstream call failed " + millis + " ms after the upstream was killed");

      eventually(bridge::isUpstreamConnected, "the upstream was not restarted");
      long restarted = Long.parseLong(text(client.callTool("pid", null)));
      assertNotEquals(pid, restarted);
      assertEquals("after", text(client.callTool("echo", Map.of("text", "after"))));
    }
  }

  @Test
  void aCallMadeWhileTheUpstreamRestartsWaitsForIt() throws Exception {
    bridge = McpBridge.start(Upstream.stdio(Origin.commandLine()));
    try (McpClient client = downstream(bridge)) {
      long pid = Long.parseLong(text(client.callTool("pid", null)));
      ProcessHandle child = ProcessHandle.of(pid).orElseThrow();
      child.destroyForcibly();
      child.onExit().get(30, TimeUnit.SECONDS);
      eventually(() -> !bridge.isUpstreamConnected(), "the bridge did not notice the exit");
      assertEquals("waited", text(client.callTool("echo", Map.of("text", "waited"))));
    }
  }

  @Test
  void aMalformedUpstreamMessageDoesNotEndTheDownstreamSession() {
    bridge = McpBridge.start(Upstream.stdio(Origin.commandLine()));
    try (McpClient client = downstream(bridge)) {
      assertEquals("sent garbage", text(client.callTool("garbage", null)));
      assertEquals("still here", text(client.callTool("echo", Map.of("text", "still here"))));
      assertFalse(client.async().isClosed());
    }
  }

  @Test
  void anUnreachableUpstreamAtStartIsAnError() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/mcp";
    McpException error = assertThrows(McpException.class,
        () -> McpBridge.start(Upstream.streamableHttp(url, Map.of())));
    assertEquals(ErrorCodes.UPSTREAM_UNAVAILABLE, error.code());
  }

  @Test
  void anUpstreamThatGoesAwayIsReportedWithoutItsHostName() {
    Origin origin = new Origin();
    StreamableHttpServer http = StreamableHttpServer.builder(origin.server).port(0).start();
    bridge = McpBridge.builder(Upstream.streamableHttp(http.url().toString(), Map.of())).start();
    try (McpClient client = downstream(bridge)) {
      assertEquals("up", text(client.callTool("echo", Map.of("text", "up"))));
      http.close();
      McpException error = assertThrows(McpException.class, () -> client.callTool("echo", Map.of("text", "down")));
      assertEquals(ErrorCodes.UPSTREAM_UNAVAILABLE, error.code());
      assertFalse(error.getMessage().contains("127.0.0.1"), error.getMessage());
      assertFalse(error.getMessage().contains("Exception"), error.getMessage());
      assertEquals(ErrorCodes.UPSTREAM_UNAVAILABLE, assertThrows(McpException.class, client::ping).code(),
          "a ping checks the whole way");
    } finally {
      origin.server.close();
    }
  }
}
