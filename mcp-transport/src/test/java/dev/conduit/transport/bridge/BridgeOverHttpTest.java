package dev.conduit.transport.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.LoggingMessageNotificationParams;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.transport.http.StreamableHttpOptions;
import dev.conduit.transport.http.StreamableHttpServer;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
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
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Specifies a bridge between two real Streamable HTTP hops, client to bridge and bridge to upstream, in each pairing
 * of eras: what the upstream sends on a request's stream (progress, a log message, a request for input) reaches the
 * downstream request it belongs to, and cancelling closes the loop upstream.
 */
class BridgeOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  // A 2026-07-28 client cancels by closing its stream, which a server notices when it next writes there: these
  // servers write a keep-alive soon, so that the cancellation crosses both hops quickly.
  private static final StreamableHttpOptions QUICK = StreamableHttpOptions.builder()
      .sseUpgradeDelay(Duration.ofMillis(100)).keepAliveInterval(Duration.ofMillis(200)).build();

  private Origin origin;
  private StreamableHttpServer upstreamHttp;
  private McpBridge bridge;
  private StreamableHttpServer bridgeHttp;

  static Stream<Arguments> pairings() {
    ProtocolVersion[] legacy = {ProtocolVersion.V2025_11_25};
    ProtocolVersion[] modern = {ProtocolVersion.V2026_07_28};
    return Stream.of(Arguments.of(Era.LEGACY, legacy), Arguments.of(Era.LEGACY, modern),
        Arguments.of(Era.MODERN, legacy), Arguments.of(Era.MODERN, modern));
  }

  private McpClient connect(Era era, ProtocolVersion[] upstream) {
    origin = new Origin(upstream);
    upstreamHttp = StreamableHttpServer.builder(origin.server).port(0).options(QUICK).start();
    bridge = McpBridge.start(Upstream.streamableHttp(upstreamHttp.url().toString(), Map.of()));
    bridgeHttp = StreamableHttpServer.builder(bridge.server()).port(0).options(QUICK).start();
    return McpClient.builder().transport(StreamableHttpClientTransport.create(bridgeHttp.url().toString()))
        .era(era)
        .elicitation(request -> ElicitResult.accept(JSON.createObjectNode().put("name", "Grace")))
        .connect();
  }

  @AfterEach
  void stop() {
    if (bridgeHttp != null) {
      bridgeHttp.close();
    }
    if (bridge != null) {
      bridge.close();
    }
    if (upstreamHttp != null) {
      upstreamHttp.close();
    }
    if (origin != null) {
      origin.server.close();
    }
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void aRequestForInputCrossesBothHops(Era era, ProtocolVersion[] upstream) {
    try (McpClient client = connect(era, upstream)) {
      assertEquals("Hello, Grace", text(client.callTool("ask", null)));
    }
    boolean modernUpstream = upstream[0].isModern();
    assertEquals(modernUpstream ? List.of("ask", "ask+state") : List.of("ask"), origin.calls);
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void progressAndLogMessagesCrossBothHops(Era era, ProtocolVersion[] upstream) throws InterruptedException {
    BlockingQueue<String> progress = new LinkedBlockingQueue<>();
    BlockingQueue<LoggingMessageNotificationParams> logs = new LinkedBlockingQueue<>();
    try (McpClient client = connect(era, upstream)) {
      client.callTool("progress", null, RequestOptions.progress(p -> progress.add(p.message())));
      assertEquals("step 1", progress.poll(30, TimeUnit.SECONDS));
    }
    try (McpClient client = McpClient.builder()
        .transport(StreamableHttpClientTransport.create(bridgeHttp.url().toString())).era(era)
        .onLog(logs::add).connect()) {
      client.setLoggingLevel(LoggingLevel.DEBUG);
      client.callTool("log", null);
      LoggingMessageNotificationParams log = logs.poll(30, TimeUnit.SECONDS);
      assertEquals(Origin.LOGGER, log == null ? null : log.logger());
    }
  }

  @ParameterizedTest(name = "{0} client")
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void anUpstreamThatSpeaksOnlyTheLegacySseTransportIsReachedAtItsUrl(Era era) {
    origin = new Origin(ProtocolVersion.V2024_11_05);
    upstreamHttp = StreamableHttpServer.builder(origin.server).port(0).legacySse("/sse", "/message").start();
    bridge = McpBridge.start(Upstream.streamableHttp(upstreamHttp.sseUrl().toString(), Map.of()));
    bridgeHttp = StreamableHttpServer.builder(bridge.server()).port(0).options(QUICK).start();
    try (McpClient client = McpClient.builder()
        .transport(StreamableHttpClientTransport.create(bridgeHttp.url().toString())).era(era)
        .elicitation(request -> ElicitResult.accept(JSON.createObjectNode().put("name", "Ada")))
        .connect()) {
      assertEquals("sse", text(client.callTool("echo", Map.of("text", "sse"))));
    }
  }

  @ParameterizedTest(name = "{0} client, upstream {1}")
  @MethodSource("pairings")
  void cancellingADownstreamCallCancelsItUpstream(Era era, ProtocolVersion[] upstream) throws Exception {
    try (McpClient client = connect(era, upstream)) {
      CompletableFuture<CallToolResult> call = client.async().callTool("hang", null);
      origin.hanging.get(30, TimeUnit.SECONDS);
      call.cancel(true);
      origin.cancelled.get(30, TimeUnit.SECONDS);
    }
  }
}
