package dev.conduit.transport.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.client.Subscription;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.CompleteRequestParams;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.LoggingMessageNotificationParams;
import dev.conduit.protocol.schema.PromptReference;
import dev.conduit.protocol.schema.SubscriptionFilter;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.transport.InMemoryTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Specifies that everything crosses a bridge, for each pairing of a downstream client's era with an upstream server's
 * era: tools, resources, templates, prompts and completions; errors with their code and data; progress; log messages
 * under the upstream's logger name; list changes; resource subscriptions and updates; cancellation; a large payload
 * unchanged; and a method the bridge does not know.
 */
class BridgeForwardingTest {

  static final long WAIT = 30;

  private Origin origin = new Origin();
  private McpBridge bridge;

  /** Downstream era, upstream versions. */
  static Stream<Arguments> pairings() {
    ProtocolVersion[] legacy = {ProtocolVersion.V2025_11_25, ProtocolVersion.V2025_06_18};
    ProtocolVersion[] modern = {ProtocolVersion.V2026_07_28};
    return Stream.of(
        Arguments.of(Era.LEGACY, legacy), Arguments.of(Era.LEGACY, modern),
        Arguments.of(Era.MODERN, legacy), Arguments.of(Era.MODERN, modern));
  }

  private McpClient.Builder downstream(Era era, ProtocolVersion... upstream) {
    origin = new Origin(upstream);
    bridge = McpBridge.start(origin.upstream());
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    bridge.server().connect(pair.server());
    return McpClient.builder().transport(pair.client()).era(era);
  }

  @AfterEach
  void stop() {
    if (bridge != null) {
      bridge.close();
    }
    origin.server.close();
  }

  private static String text(CallToolResult result) {
    return assertInstanceOf(TextContent.class, result.content().get(0)).text();
  }

  private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
    T item = queue.poll(WAIT, TimeUnit.SECONDS);
    assertTrue(item != null, "nothing arrived");
    return item;
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void toolsCrossWithTheUpstreamsInfoAndInstructions(Era era, ProtocolVersion[] upstream) {
    try (McpClient client = downstream(era, upstream).connect()) {
      assertEquals("origin", client.serverInfo().name());
      assertEquals("Ask origin.", client.instructions());
      assertTrue(client.listAllTools().stream().map(Tool::name).toList().contains("echo"));
      assertEquals("hi", text(client.callTool("echo", Map.of("text", "hi"))));
    }
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void aPingIsAnsweredThroughTheBridge(Era era, ProtocolVersion[] upstream) {
    try (McpClient client = downstream(era, upstream).connect()) {
      client.ping();
    }
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void aLargePayloadCrossesUnchanged(Era era, ProtocolVersion[] upstream) {
    String big = "x".repeat(64 * 1024 - 20) + "\u00e9\u4e2d\"\\\n";
    try (McpClient client = downstream(era, upstream).connect()) {
      assertEquals(big, text(client.callTool("echo", Map.of("text", big))));
    }
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void anUpstreamErrorKeepsItsCodeMessageAndData(Era era, ProtocolVersion[] upstream) {
    try (McpClient client = downstream(era, upstream).connect()) {
      McpException error = assertThrows(McpException.class, () -> client.callTool("fail", null));
      assertEquals(-32042, error.code());
      assertEquals("Finish the URL flow first", error.getMessage());
      assertEquals("https://auth.example", error.data().tree().path("url").asText());
      assertEquals(-32602, assertThrows(McpException.class, () -> client.callTool("no_such_tool", null)).code());
    }
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void resourcesTemplatesPromptsAndCompletionsCross(Era era, ProtocolVersion[] upstream) {
    try (McpClient client = downstream(era, upstream).connect()) {
      assertEquals("mem://counter", client.listAllResources().get(0).uri());
      assertEquals("mem://notes/{id}", client.listAllResourceTemplates().get(0).uriTemplate());
      TextResourceContents note = (TextResourceContents) client.readResource("mem://notes/7").contents().get(0);
      assertEquals("note 7", note.text());
      assertEquals("greet", client.listAllPrompts().get(0).name());
      assertEquals("Hello", ((TextContent) client.getPrompt("greet", Map.of()).messages().get(0).content()).text());
      assertEquals(List.of("Ada", "Alan"), client.complete(
          CompleteRequestParams.of(PromptReference.of("greet"), "name", "A")).completion().values());
    }
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void progressReachesTheCallThatAskedForIt(Era era, ProtocolVersion[] upstream) throws InterruptedException {
    BlockingQueue<String> progress = new LinkedBlockingQueue<>();
    try (McpClient client = downstream(era, upstream).connect()) {
      client.callTool("progress", null, RequestOptions.progress(p -> progress.add(p.progress() + " " + p.message())));
    }
    assertEquals("1.0 step 1", next(progress));
    assertEquals("2.0 step 2", next(progress));
    assertEquals("3.0 step 3", next(progress));
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void logMessagesKeepTheUpstreamsLoggerName(Era era, ProtocolVersion[] upstream) throws InterruptedException {
    BlockingQueue<LoggingMessageNotificationParams> logs = new LinkedBlockingQueue<>();
    try (McpClient client = downstream(era, upstream).onLog(logs::add).connect()) {
      client.setLoggingLevel(LoggingLevel.INFO);
      assertEquals("logged", text(client.callTool("log", null)));
      LoggingMessageNotificationParams log = next(logs);
      assertEquals(Origin.LOGGER, log.logger());
      assertEquals(LoggingLevel.WARNING, log.level());
    }
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void cancellingTheDownstreamCallCancelsItUpstream(Era era, ProtocolVersion[] upstream) throws Exception {
    try (McpClient client = downstream(era, upstream).connect()) {
      CompletableFuture<CallToolResult> call = client.async().callTool("hang", null);
      origin.hanging.get(WAIT, TimeUnit.SECONDS);
      call.cancel(true);
      origin.cancelled.get(WAIT, TimeUnit.SECONDS);
    }
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void aDownstreamTimeoutCancelsTheCallUpstream(Era era, ProtocolVersion[] upstream) throws Exception {
    try (McpClient client = downstream(era, upstream).requestTimeout(Duration.ofMillis(300)).connect()) {
      McpException timeout = assertThrows(McpException.class, () -> client.callTool("hang", null));
      assertEquals(-32001, timeout.code());
      origin.cancelled.get(WAIT, TimeUnit.SECONDS);
    }
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void upstreamListChangesReachTheClient(Era era, ProtocolVersion[] upstream) throws Exception {
    BlockingQueue<String> changes = new LinkedBlockingQueue<>();
    try (McpClient client = downstream(era, upstream).onToolsListChanged(() -> changes.add("tools")).connect()) {
      if (era == Era.MODERN) {
        Subscription listen = client.listen(SubscriptionFilter.listChanges(true, false, false));
        listen.acknowledged().toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
      } else {
        client.callTool("echo", Map.of("text", "connect the session upstream"));
      }
      origin.addTool("late");
      assertEquals("tools", next(changes));
      assertTrue(client.listAllTools().stream().anyMatch(tool -> tool.name().equals("late")));
    }
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void aSubscribedResourcesUpdatesReachTheClient(Era era, ProtocolVersion[] upstream) throws Exception {
    BlockingQueue<String> updates = new LinkedBlockingQueue<>();
    try (McpClient client = downstream(era, upstream).onResourceUpdated(updates::add).connect()) {
      if (era == Era.MODERN) {
        Subscription listen = client.listen(
            SubscriptionFilter.listChanges(false, false, false).withResourceSubscriptions("mem://counter"));
        listen.acknowledged().toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
      } else {
        client.subscribeResource("mem://counter");
      }
      // The upstream subscription is made as the bridge hears of the downstream one; give it a moment to land.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
      String update = null;
      while (update == null && System.nanoTime() < deadline) {
        origin.server.notifyResourceUpdated("mem://counter");
        update = updates.poll(100, TimeUnit.MILLISECONDS);
      }
      assertEquals("mem://counter", update);
    }
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void aMethodTheBridgeDoesNotKnowIsForwarded(Era era, ProtocolVersion[] upstream) {
    try (McpClient client = downstream(era, upstream).connect()) {
      McpException error = assertThrows(McpException.class,
          () -> client.request("x/unknown", Map.of(), RequestOptions.defaults()));
      assertEquals(-32601, error.code());
      assertTrue(error.getMessage().contains("x/unknown"), "the upstream's answer: " + error.getMessage());
    }
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void theDownstreamSessionGoesOnAfterAnError(Era era, ProtocolVersion[] upstream) {
    try (McpClient client = downstream(era, upstream).connect()) {
      assertThrows(McpException.class, () -> client.callTool("fail", null));
      assertEquals("again", text(client.callTool("echo", Map.of("text", "again"))));
      assertFalse(client.async().isClosed());
    }
  }
}
