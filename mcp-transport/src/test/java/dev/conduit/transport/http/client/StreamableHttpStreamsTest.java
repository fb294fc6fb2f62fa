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
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.jsonrpc.JsonRpcResult;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Event streams that end early, and the GET stream. */
class StreamableHttpStreamsTest {

  private static final String LIST_CHANGED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}";

  private ScriptedServer server;
  private StreamableHttpClientTransport transport;
  private final RecordingListener listener = new RecordingListener();

  private void serve(
      Function<RecordedRequest, MockResponse> script,
      Function<StreamableHttpClientTransport.Builder, StreamableHttpClientTransport.Builder> configure)
      throws Exception {
    server = new ScriptedServer(script);
    transport = configure.apply(StreamableHttpClientTransport.builder(server.url("/mcp"))).build();
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

  @Test
  void aStreamThatEndsBeforeItsResponseIsResumedWithGetAndLastEventIdAfterTheRetryDelay() throws Exception {
    EventStream post = EventStream.of("id: event-1\nretry: 500\ndata: \n\n");
    AtomicLong getArrived = new AtomicLong();
    AtomicReference<String> callId = new AtomicReference<>();
    serve(request -> {
      if (request.getMethod().equals("GET")) {
        getArrived.compareAndSet(0, System.nanoTime());
        return EventStream.of(EventStream.message(result(callId.get(), "{\"content\":[]}"))).response();
      }
      callId.set(id(request));
      return post.response();
    }, builder -> builder.getStream(false));

    transport.send(request(3, "tools/call", "{\"name\":\"test_reconnection\"}"), null);

    JsonRpcResult result = listener.next(JsonRpcResult.class);
    assertEquals(RequestId.of(3), result.id());
    server.take();
    RecordedRequest get = server.take();
    assertEquals("GET", get.getMethod());
    assertEquals("event-1", get.getHeaders().get("Last-Event-ID"));
    assertEquals("text/event-stream", get.getHeaders().get("Accept"));
    long waited = getArrived.get() - post.endedAtNanos();
    assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(450),
        "reconnected after " + TimeUnit.NANOSECONDS.toMillis(waited) + " ms; the server asked for 500");
  }

  @Test
  void resumingFollowsTheNewestEventIdAcrossReconnects() throws Exception {
    AtomicReference<String> callId = new AtomicReference<>();
    serve(request -> {
      String lastEventId = request.getHeaders().get("Last-Event-ID");
      if (request.getMethod().equals("POST")) {
        callId.set(id(request));
        return EventStream.of("id: a\nretry: 20\ndata: \n\n").response();
      }
      if ("a".equals(lastEventId)) {
        return EventStream.of("id: b\ndata: \n\n").response();
      }
      return EventStream.of(EventStream.message(result(callId.get(), "{}"))).response();
    }, builder -> builder.getStream(false));

    transport.send(request(4, "tools/call", "{\"name\":\"slow\"}"), null);

    assertEquals(RequestId.of(4), listener.next(JsonRpcResult.class).id());
    server.take();
    assertEquals("a", server.take().getHeaders().get("Last-Event-ID"));
    assertEquals("b", server.take().getHeaders().get("Last-Event-ID"));
  }

  @Test
  void aStreamThatEndsWithoutAnEventIdFailsItsRequest() throws Exception {
    serve(request -> EventStream.of(EventStream.message(LIST_CHANGED)).response(), builder -> builder.getStream(false));

    transport.send(request(5, "tools/call", "{\"name\":\"x\"}"), null);

    listener.next(JsonRpcNotification.class);
    JsonRpcError error = listener.next(JsonRpcError.class);
    assertEquals(RequestId.of(5), error.id());
    assertEquals(-32000, error.error().code());
  }

  @Test
  void aConnectionBrokenMidStreamFailsTheRequestInsteadOfLeavingItWaiting() throws Exception {
    EventStream broken = EventStream.open();
    serve(request -> broken.cutResponse(), builder -> builder.getStream(false));

    transport.send(request(8, "tools/call", "{\"name\":\"x\"}"), null);
    broken.send(EventStream.message(LIST_CHANGED));
    listener.next(JsonRpcNotification.class);
    broken.cut();

    JsonRpcError error = listener.next(JsonRpcError.class);
    assertEquals(RequestId.of(8), error.id());
    assertEquals(-32000, error.error().code());
  }

  @Test
  void aModernStreamThatEndsEarlyIsOverAndNotResumed() throws Exception {
    serve(request -> request.getMethod().equals("GET")
        ? status(500)
        : EventStream.of("id: e1\nretry: 10\ndata: \n\n").response(), builder -> builder.getStream(false));

    transport.send(request(6, "tools/call", "{\"name\":\"x\"," + MODERN_META + "}"), null);

    assertEquals(RequestId.of(6), listener.next(JsonRpcError.class).id());
    assertTrue(server.seen().stream().noneMatch(r -> r.getMethod().equals("GET")));
  }

  @Test
  void resumingGivesUpAfterTheConfiguredAttempts() throws Exception {
    serve(request -> request.getMethod().equals("GET")
        ? status(503)
        : EventStream.of("id: e1\nretry: 10\ndata: \n\n").response(),
        builder -> builder.getStream(false).maxReconnectAttempts(3));

    transport.send(request(7, "tools/call", "{\"name\":\"x\"}"), null);

    JsonRpcError error = listener.next(JsonRpcError.class);
    assertEquals(RequestId.of(7), error.id());
    assertEquals(3, server.seen().stream().filter(r -> r.getMethod().equals("GET")).count());
  }

  @Test
  void theGetStreamOpensAfterInitializationAndDeliversWhatTheServerSends() throws Exception {
    AtomicLong gets = new AtomicLong();
    serve(request -> {
      if (request.getMethod().equals("GET")) {
        return gets.incrementAndGet() == 1 ? EventStream.of(EventStream.message(LIST_CHANGED)).response() : status(405);
      }
      return initializedServer(request);
    }, builder -> builder.retryDelay(Duration.ofMillis(10)));

    transport.send(initialize(1), null);
    listener.next(JsonRpcResult.class);
    transport.send(notification("notifications/initialized"), null);

    assertEquals("notifications/tools/list_changed", listener.next(JsonRpcNotification.class).method());
    RecordedRequest get = server.seen().stream().filter(r -> r.getMethod().equals("GET")).findFirst().orElseThrow();
    assertEquals("text/event-stream", get.getHeaders().get("Accept"));
    assertEquals("s-1", get.getHeaders().get("Mcp-Session-Id"));
    assertEquals("2025-11-25", get.getHeaders().get("MCP-Protocol-Version"));
  }

  @Test
  void aGetAnswered405MeansThereIsNoStreamAndIsNotRetried() throws Exception {
    serve(request -> request.getMethod().equals("GET") ? status(405) : initializedServer(request),
        builder -> builder.retryDelay(Duration.ofMillis(20)));

    transport.send(initialize(1), null);
    listener.next(JsonRpcResult.class);
    transport.send(notification("notifications/initialized"), null).toCompletableFuture().get(10, TimeUnit.SECONDS);
    RecordedRequest get = server.take();
    while (!get.getMethod().equals("GET")) {
      get = server.take();
    }
    Thread.sleep(500); // 25 retry delays: time enough for a retry that should not come
    transport.send(request(2, "tools/list", "{}"), null);
    listener.next(JsonRpcResult.class);

    assertEquals(1, server.seen().stream().filter(r -> r.getMethod().equals("GET")).count());
  }

  @Test
  void initializedWaitsOnlyBrieflyForAGetWhoseHeadersComeWithItsFirstEvent() throws Exception {
    // As the official Java SDK's servlet transport answers a GET: nothing at all until it has an event to send.
    serve(request -> request.getMethod().equals("GET")
            ? new MockResponse.Builder().code(405).headersDelay(8, TimeUnit.SECONDS).build()
            : initializedServer(request),
        builder -> builder);
    transport.send(initialize(1), null);
    listener.next(JsonRpcResult.class);
    long start = System.nanoTime();

    transport.send(notification("notifications/initialized"), null).toCompletableFuture().get(10, TimeUnit.SECONDS);

    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(waited < 2500, "initialized took " + waited + " ms waiting for the GET's response headers");
    RecordedRequest get = server.take();
    while (!get.getMethod().equals("GET")) {
      get = server.take();
    }
  }

  private static MockResponse initializedServer(RecordedRequest request) {
    String method = method(request);
    if (method.equals("initialize")) {
      return json(200, initializeResult(id(request), "2025-11-25"), Headers.of("Mcp-Session-Id", "s-1"));
    }
    return method.startsWith("notifications/") ? status(202) : json(result(id(request), "{}"));
  }
}
