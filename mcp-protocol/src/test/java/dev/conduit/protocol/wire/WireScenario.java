package dev.conduit.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.McpTimeoutException;
import dev.conduit.protocol.ProtocolVersion.Feature;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.client.Subscription;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.CompleteRequestParams;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.ProgressNotificationParams;
import dev.conduit.protocol.schema.PromptReference;
import dev.conduit.protocol.schema.ResourceTemplateReference;
import dev.conduit.protocol.schema.Root;
import dev.conduit.protocol.schema.SubscriptionFilter;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs one rich conversation between a real {@link McpServer} and {@link McpClient} over an {@link InMemoryTransport}
 * with a wire tap: a legacy session negotiated at the given revision, or a modern (2026-07-28) client. Every wait is
 * on a latch or a future with a generous bound; nothing depends on timing except the one call that is meant to time
 * out, whose handler waits until it is cancelled.
 */
final class WireScenario {

  /** Generous, for a loaded machine: nothing in the scenario should take more than a fraction of this. */
  private static final long WAIT_SECONDS = 30;

  /**
   * What a run produced.
   *
   * @param revision the revision spoken
   * @param frames every frame, in the order sent
   * @param failure what went wrong while running the scenario, if anything (the frames are still checked)
   */
  record Transcript(String revision, List<Frame> frames, @Nullable Throwable failure) {}

  private final ProtocolVersion version;
  private final WireCapture capture = new WireCapture();
  private final WireServer.Signals signals = new WireServer.Signals();
  private final CountDownLatch logs = new CountDownLatch(2);
  private final CountDownLatch toolsChanged = new CountDownLatch(1);
  private final CountDownLatch promptsChanged = new CountDownLatch(1);
  private final CountDownLatch resourcesChanged = new CountDownLatch(1);
  private final CountDownLatch resourceUpdated = new CountDownLatch(1);

  private WireScenario(ProtocolVersion version) {
    this.version = version;
  }

  /** Runs the scenario for {@code revision}; never throws, the transcript carries any failure. */
  static Transcript run(String revision) {
    ProtocolVersion version = ProtocolVersion.parse(revision).orElseThrow();
    WireScenario scenario = new WireScenario(version);
    Throwable failure = null;
    try {
      scenario.converse();
    } catch (Throwable e) {
      failure = e;
    }
    return new Transcript(revision, scenario.capture.frames(revision), failure);
  }

  private void converse() throws Exception {
    InMemoryTransport.Pair pair = InMemoryTransport.builder().wireTap(capture).build();
    McpServer server = WireServer.build(version, signals);
    server.connect(pair.server());
    try (McpClient client = client(pair.client())) {
      assertEquals(version, client.protocolVersion());
      Subscription subscription = null;
      if (version.isModern()) {
        subscription = client.listen(SubscriptionFilter.listChanges(true, true, true)
            .withResourceSubscriptions(WireServer.NOTES));
        subscription.acknowledged().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
      } else {
        client.ping();
      }
      client.setLoggingLevel(LoggingLevel.INFO);
      lists(client);
      tools(client);
      resources(client, server);
      prompts(client);
      changes(client, server);
      errors(client);
      if (subscription != null) {
        server.close(); // ends the listen stream with its result first
        subscription.ended().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      server.close();
    }
  }

  private McpClient client(InMemoryTransport transport) {
    McpClient.Builder client = McpClient.builder()
        .transport(transport)
        .info("wire-client", "1.0.0")
        .requestTimeout(Duration.ofSeconds(WAIT_SECONDS))
        .sampling(WireServer::model)
        .roots(List.of(Root.of("file:///workspace", "workspace")))
        .onLog(message -> logs.countDown())
        .onToolsListChanged(toolsChanged::countDown)
        .onPromptsListChanged(promptsChanged::countDown)
        .onResourcesListChanged(resourcesChanged::countDown)
        .onResourceUpdated(uri -> resourceUpdated.countDown());
    if (version.supports(Feature.ELICITATION)) {
      client.elicitation(request -> request instanceof ElicitRequestFormParams form
          ? ElicitResult.accept(WireServer.answer(form.requestedSchema()))
          : ElicitResult.accept(null));
    }
    if (version.supports(Feature.URL_ELICITATION)) {
      client.urlElicitation();
    }
    if (version.supports(Feature.SAMPLING_TOOLS)) {
      client.samplingWithTools();
    }
    if (version.isModern()) {
      return client.era(Era.MODERN).connect();
    }
    return client.era(Era.LEGACY).legacyVersion(version).connect();
  }

  private static void lists(McpClient client) {
    assertFalse(client.listAllTools().isEmpty());
    assertFalse(client.listAllResources().isEmpty());
    assertFalse(client.listAllResourceTemplates().isEmpty());
    assertFalse(client.listAllPrompts().isEmpty());
  }

  private void tools(McpClient client) throws InterruptedException {
    assertFalse(client.callTool("content", Map.of("text", "hello")).failed());
    if (version.supports(Feature.STRUCTURED_TOOL_OUTPUT)) {
      CallToolResult weather = client.callTool("weather", Map.of());
      assertFalse(weather.failed(), () -> String.valueOf(weather));
      assertEquals(21.5, weather.structuredContent().path("celsius").asDouble());
    }
    assertTrue(client.callTool("fail", Map.of()).failed());
    List<ProgressNotificationParams> progress = new CopyOnWriteArrayList<>();
    assertFalse(client.callTool("progress", null, RequestOptions.progress(progress::add)).failed());
    assertEquals(3, progress.size());
    await(logs, "two log messages at or above the client's level");
    CallToolResult asked = client.callTool("ask", Map.of());
    assertFalse(asked.failed(), () -> String.valueOf(asked));
    String text = ((TextContent) asked.content().get(0)).text();
    assertTrue(text.startsWith("4 ") && text.endsWith(" 1 root(s)"), text);
    if (version.supports(Feature.SAMPLING_TOOLS)) {
      assertEquals("It is 21.5 C in Oslo", ((TextContent) client.callTool("agent", Map.of()).content().get(0)).text());
    }
    if (version.supports(Feature.URL_ELICITATION)) {
      assertFalse(client.callTool("sign_in", Map.of()).failed());
    }
  }

  private void resources(McpClient client, McpServer server) throws InterruptedException {
    assertEquals(1, client.readResource(WireServer.NOTES).contents().size());
    assertEquals(1, client.readResource(WireServer.LOGO).contents().size());
    assertEquals(1, client.readResource(WireServer.DOCS.replace("{name}", "readme")).contents().size());
    if (!version.isModern()) {
      client.subscribeResource(WireServer.NOTES);
    }
    server.notifyResourceUpdated(WireServer.NOTES);
    await(resourceUpdated, "notifications/resources/updated");
    if (!version.isModern()) {
      client.unsubscribeResource(WireServer.NOTES);
    }
  }

  private void prompts(McpClient client) {
    GetPromptResult greeting = client.getPrompt("greet", Map.of("name", "Ada"));
    assertEquals(3, greeting.messages().size());
    assertEquals("Greet Ada in file:///workspace", ((TextContent) greeting.messages().get(0).content()).text());
    CompleteRequestParams name = CompleteRequestParams.of(PromptReference.of("greet"), "name", "A");
    if (version.supports(Feature.COMPLETION_CONTEXT)) {
      name = name.withContext(Map.of("tone", "warm"));
    }
    assertEquals(List.of("Ada", "Alan"), client.complete(name).completion().values());
    assertEquals(List.of("readme", "release-notes"),
        client.complete(CompleteRequestParams.of(ResourceTemplateReference.of(WireServer.DOCS), "name", "re"))
            .completion().values());
  }

  private void changes(McpClient client, McpServer server) throws Exception {
    if (version.supports(Feature.ROOTS_LIST_CHANGED)) {
      client.async().rootsListChanged().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    server.addTool(WireServer.lateTool(version), (args, ctx) -> CallToolResult.text("late"));
    server.addPrompt(WireServer.latePrompt(), (arguments, ctx) -> null);
    server.addResource(WireServer.lateResource(version), (uri, ctx) -> null);
    await(toolsChanged, "notifications/tools/list_changed");
    await(promptsChanged, "notifications/prompts/list_changed");
    await(resourcesChanged, "notifications/resources/list_changed");
  }

  private void errors(McpClient client) throws InterruptedException {
    McpException unknownTool = assertThrows(McpException.class, () -> client.callTool("no_such_tool", Map.of()));
    assertEquals(-32602, unknownTool.code());
    McpException unknownMethod = assertThrows(McpException.class,
        () -> client.request(MethodTable.UNKNOWN_METHOD, Map.of(), RequestOptions.defaults()));
    assertEquals(-32601, unknownMethod.code());
    McpException unknownResource =
        assertThrows(McpException.class, () -> client.readResource("file:///no/such/resource"));
    assertEquals(version.isModern() ? -32602 : -32002, unknownResource.code());
    // The handler waits until it is cancelled, so the call always times out and the client cancels it.
    assertThrows(McpTimeoutException.class,
        () -> client.callTool("wait", Map.of(), RequestOptions.timeout(Duration.ofMillis(200))));
    await(signals.waitStarted, "the tool that waits to start");
    await(signals.waitCancelled, "the server to see notifications/cancelled");
  }

  private static void await(CountDownLatch latch, String what) throws InterruptedException {
    assertTrue(latch.await(WAIT_SECONDS, TimeUnit.SECONDS), () -> "Timed out waiting for " + what);
  }
}
