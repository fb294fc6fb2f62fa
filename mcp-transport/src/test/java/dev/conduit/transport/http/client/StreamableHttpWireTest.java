package dev.conduit.transport.http.client;

import static dev.conduit.transport.http.client.Messages.MODERN_META;
import static dev.conduit.transport.http.client.Messages.initialize;
import static dev.conduit.transport.http.client.Messages.notification;
import static dev.conduit.transport.http.client.Messages.request;
import static dev.conduit.transport.http.client.ScriptedServer.id;
import static dev.conduit.transport.http.client.ScriptedServer.initializeResult;
import static dev.conduit.transport.http.client.ScriptedServer.json;
import static dev.conduit.transport.http.client.ScriptedServer.method;
import static dev.conduit.transport.http.client.ScriptedServer.result;
import static dev.conduit.transport.http.client.ScriptedServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.jsonrpc.JsonRpcResult;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Streamable HTTP client puts on the wire, and how it reads what comes back. */
class StreamableHttpWireTest {

  private ScriptedServer server;
  private StreamableHttpClientTransport transport;
  private final RecordingListener listener = new RecordingListener();

  private void serve(Function<RecordedRequest, MockResponse> script) throws Exception {
    serve(script, StreamableHttpClientTransport.Builder::build);
  }

  private void serve(
      Function<RecordedRequest, MockResponse> script,
      Function<StreamableHttpClientTransport.Builder, StreamableHttpClientTransport> build) throws Exception {
    server = new ScriptedServer(script);
    transport = build.apply(StreamableHttpClientTransport.builder(server.url("/mcp")).getStream(false));
    transport.start(listener);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (transport != null) {
      transport.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Answers requests with an empty JSON result and notifications with 202. */
  private static MockResponse plain(RecordedRequest request) {
    String method = method(request);
    if (method.equals("initialize")) {
      return json(200, initializeResult(id(request), "2025-06-18"), Headers.of("Mcp-Session-Id", "session-1"));
    }
    return method.startsWith("notifications/") ? status(202) : json(result(id(request), "{}"));
  }

  @Test
  void aJsonResponseIsDelivered() throws Exception {
    serve(request -> json(result(id(request), "{\"tools\":[]}")));

    transport.send(request(1, "tools/list", "{}"), null).toCompletableFuture().get(10, TimeUnit.SECONDS);

    JsonRpcResult result = listener.next(JsonRpcResult.class);
    assertEquals(RequestId.of(1), result.id());
    assertEquals("[]", String.valueOf(result.result().member("tools")));
  }

  @Test
  void anEventStreamResponseDeliversItsNotificationsInOrderThenTheResponse() throws Exception {
    String progress = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":"
        + "{\"progressToken\":1,\"progress\":%d}}";
    serve(request -> EventStream.of(
        "id: prime\ndata: \n\n",
        EventStream.message(progress.formatted(1)),
        ": a comment\n\n",
        EventStream.message(progress.formatted(2)),
        EventStream.message(result(id(request), "{\"content\":[]}"))).response());

    transport.send(request(7, "tools/call", "{\"name\":\"slow\"}"), null);

    JsonRpcNotification first = listener.next(JsonRpcNotification.class);
    JsonRpcNotification second = listener.next(JsonRpcNotification.class);
    JsonRpcResult result = listener.next(JsonRpcResult.class);
    assertEquals("1", String.valueOf(first.params().member("progress")));
    assertEquals("2", String.valueOf(second.params().member("progress")));
    assertEquals(RequestId.of(7), result.id());
  }

  @Test
  void aNotificationAnsweredWith200AndABodyIsAccepted() throws Exception {
    serve(request -> method(request).startsWith("notifications/")
        ? json("{\"jsonrpc\":\"2.0\",\"result\":{}}")
        : json(result(id(request), "{}")));

    transport.send(notification("notifications/initialized"), null).toCompletableFuture().get(10, TimeUnit.SECONDS);
    transport.send(request(2, "ping", "{}"), null);

    assertEquals(RequestId.of(2), listener.next(JsonRpcResult.class).id());
    listener.assertNoMessage();
  }

  @Test
  void postsAcceptJsonAndEventStreamsAndSayTheyCarryJson() throws Exception {
    serve(StreamableHttpWireTest::plain);

    transport.send(request(1, "tools/list", "{}"), null);

    RecordedRequest post = server.take();
    assertEquals("POST", post.getMethod());
    assertEquals("application/json, text/event-stream", post.getHeaders().get("Accept"));
    assertEquals("application/json", post.getHeaders().get("Content-Type"));
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}", post.getBody().utf8());
  }

  @Test
  void theSessionIdAndNegotiatedVersionGoOnEveryRequestAfterInitialize() throws Exception {
    serve(StreamableHttpWireTest::plain);

    transport.send(initialize(1), null);
    listener.next(JsonRpcResult.class);
    transport.send(notification("notifications/initialized"), null).toCompletableFuture().get(10, TimeUnit.SECONDS);
    transport.send(request(2, "tools/list", "{}"), null);
    listener.next(JsonRpcResult.class);

    RecordedRequest init = server.take();
    assertNull(init.getHeaders().get("Mcp-Session-Id"));
    assertNull(init.getHeaders().get("MCP-Protocol-Version"));
    for (int i = 0; i < 2; i++) {
      RecordedRequest later = server.take();
      assertEquals("session-1", later.getHeaders().get("Mcp-Session-Id"), method(later));
      assertEquals("2025-06-18", later.getHeaders().get("MCP-Protocol-Version"), method(later));
    }
    assertEquals("session-1", transport.sessionId());
    assertEquals("2025-06-18", transport.protocolVersion());
  }

  @Test
  void theHeaderSupplierIsAskedOnEveryRequest() throws Exception {
    AtomicInteger tokens = new AtomicInteger();
    serve(StreamableHttpWireTest::plain,
        builder -> builder.headers(() -> Map.of("Authorization", "Bearer token-" + tokens.incrementAndGet())).build());

    transport.send(request(1, "tools/list", "{}"), null);
    listener.next();
    transport.send(request(2, "tools/list", "{}"), null);
    listener.next();

    assertEquals("Bearer token-1", server.take().getHeaders().get("Authorization"));
    assertEquals("Bearer token-2", server.take().getHeaders().get("Authorization"));
  }

  @Test
  void modernRequestsNameTheirVersionMethodAndTarget() throws Exception {
    serve(StreamableHttpWireTest::plain);

    transport.send(request(1, "tools/call", "{\"name\":\"get_weather\"," + MODERN_META + "}"), null);
    transport.send(request(2, "resources/read", "{\"uri\":\"file:///a.txt\"," + MODERN_META + "}"), null);
    transport.send(request(3, "tools/list", "{" + MODERN_META + "}"), null);

    Map<String, Headers> byMethod = Map.of();
    for (int i = 0; i < 3; i++) {
      RecordedRequest post = server.take();
      byMethod = merge(byMethod, method(post), post.getHeaders());
    }
    Headers call = byMethod.get("tools/call");
    assertEquals("2026-07-28", call.get("MCP-Protocol-Version"));
    assertEquals("tools/call", call.get("Mcp-Method"));
    assertEquals("get_weather", call.get("Mcp-Name"));
    assertEquals("file:///a.txt", byMethod.get("resources/read").get("Mcp-Name"));
    assertEquals("tools/list", byMethod.get("tools/list").get("Mcp-Method"));
    assertNull(byMethod.get("tools/list").get("Mcp-Name"));
  }

  @Test
  void legacyRequestsCarryNoMethodHeaders() throws Exception {
    serve(StreamableHttpWireTest::plain);

    transport.send(request(1, "tools/call", "{\"name\":\"get_weather\"}"), null);

    Headers headers = server.take().getHeaders();
    assertNull(headers.get("Mcp-Method"));
    assertNull(headers.get("Mcp-Name"));
  }

  @Test
  void aNameThatIsNotPlainAsciiTravelsBase64Encoded() throws Exception {
    serve(StreamableHttpWireTest::plain);
    String name = "m\u00e9t\u00e9o_\u65e5\u672c";

    transport.send(request(1, "tools/call", "{\"name\":\"" + name + "\"," + MODERN_META + "}"), null);

    String expected = "=?base64?" + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "?=";
    assertEquals(expected, server.take().getHeaders().get("Mcp-Name"));
  }

  @Test
  void anErrorWithANullIdAnsweringARequestBecomesThatRequestsError() throws Exception {
    serve(request -> json(400,
        "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"Bad Request: Server not initialized\"},"
            + "\"id\":null}"));

    transport.send(request(5, "tools/list", "{}"), null).toCompletableFuture().get(10, TimeUnit.SECONDS);

    JsonRpcError error = listener.next(JsonRpcError.class);
    assertEquals(RequestId.of(5), error.id());
    assertEquals(-32000, error.error().code());
    assertEquals("Bad Request: Server not initialized", error.error().message());
  }

  @Test
  void aFailedStatusWithoutAJsonRpcBodyIsReportedAsTheRequestsError() throws Exception {
    serve(request -> new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
        .body("<html>bad gateway</html>").build());

    transport.send(request(6, "tools/list", "{}"), null);

    JsonRpcMessage message = listener.next();
    JsonRpcError error = assertInstanceOf(JsonRpcError.class, message);
    assertEquals(RequestId.of(6), error.id());
    assertTrue(error.error().message().contains("HTTP 502"), error.error().message());
  }

  @Test
  void aNotificationTurnedDownFailsItsSend() throws Exception {
    serve(request -> status(400));

    var sent = transport.send(notification("notifications/initialized"), null).toCompletableFuture();

    assertTrue(sent.handle((ok, failure) -> failure != null).get(10, TimeUnit.SECONDS));
  }

  private static Map<String, Headers> merge(Map<String, Headers> map, String key, Headers value) {
    var copy = new java.util.HashMap<>(map);
    copy.put(key, value);
    return copy;
  }
}
