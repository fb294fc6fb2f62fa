package dev.conduit.transport.http.client;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.jsonrpc.JsonRpcResult;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Closing: the session ends, the HTTP client and the threads go away. */
class StreamableHttpLifecycleTest {

  private final RecordingListener listener = new RecordingListener();
  private EventStream getStream;
  private ScriptedServer server;

  @AfterEach
  void tearDown() throws Exception {
    if (getStream != null) {
      getStream.end();
    }
    if (server != null) {
      server.close();
    }
  }

  private MockResponse sessionServer(RecordedRequest request) {
    if (request.getMethod().equals("DELETE")) {
      return status(200);
    }
    if (request.getMethod().equals("GET")) {
      return getStream != null ? getStream.response() : status(405);
    }
    String method = method(request);
    if (method.equals("initialize")) {
      return json(200, initializeResult(id(request), "2025-11-25"), okhttp3.Headers.of("Mcp-Session-Id", "s-9"));
    }
    if (method.startsWith("notifications/")) {
      return status(202);
    }
    return EventStream.of(EventStream.message(result(id(request), "{}"))).response();
  }

  private void handshake(StreamableHttpClientTransport transport) throws Exception {
    transport.start(listener);
    transport.send(initialize(1), null);
    listener.next(JsonRpcResult.class);
    transport.send(notification("notifications/initialized"), null).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void closeEndsTheSessionWithDeleteAndShutsTheHttpClientDown() throws Exception {
    server = new ScriptedServer(this::sessionServer);
    StreamableHttpClientTransport transport = StreamableHttpClientTransport.builder(server.url("/mcp")).build();
    handshake(transport);

    transport.close();

    RecordedRequest delete = server.seen().stream().filter(r -> r.getMethod().equals("DELETE")).findFirst()
        .orElseThrow();
    assertEquals("s-9", delete.getHeaders().get("Mcp-Session-Id"));
    assertEquals("2025-11-25", delete.getHeaders().get("MCP-Protocol-Version"));
    OkHttpClient client = transport.okHttpClient();
    assertTrue(client.dispatcher().executorService().isShutdown());
    assertEquals(0, client.connectionPool().connectionCount());
    assertEquals(Optional.empty(), listener.awaitClose());
    transport.close();
    assertEquals(1, listener.closeCount());
  }

  @Test
  void sendingAfterCloseFails() throws Exception {
    server = new ScriptedServer(this::sessionServer);
    StreamableHttpClientTransport transport = StreamableHttpClientTransport.builder(server.url("/mcp")).build();
    transport.start(listener);
    transport.close();

    var sent = transport.send(request(1, "tools/list", "{}"), null).toCompletableFuture();

    assertTrue(sent.isCompletedExceptionally());
  }

  @Test
  void aSuppliedClientIsSharedAndLeftRunning() throws Exception {
    server = new ScriptedServer(this::sessionServer);
    OkHttpClient mine = new OkHttpClient();
    try {
      StreamableHttpClientTransport transport =
          StreamableHttpClientTransport.builder(server.url("/mcp")).okHttpClient(mine).build();
      handshake(transport);
      assertSame(mine.connectionPool(), transport.okHttpClient().connectionPool());

      transport.close();

      assertFalse(mine.dispatcher().executorService().isShutdown());
      try (Response response = mine.newCall(new Request.Builder().url(server.url("/other")).delete().build())
          .execute()) {
        assertEquals(200, response.code());
      }
    } finally {
      mine.dispatcher().executorService().shutdown();
      mine.connectionPool().evictAll();
    }
  }

  @Test
  void noThreadOfTheTransportOutlivesClose() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    getStream = EventStream.open();
    server = new ScriptedServer(this::sessionServer);
    StreamableHttpClientTransport transport = StreamableHttpClientTransport.builder(server.url("/mcp")).build();
    handshake(transport);
    transport.send(request(2, "tools/list", "{}"), null);
    listener.next(JsonRpcResult.class);
    assertTrue(awaitThreads(before, true), "the GET stream should hold a transport thread while open");

    transport.close();

    assertTrue(getStream.awaitDisconnected(), "the GET stream should be closed");
    assertTrue(awaitThreads(before, false), "transport threads still alive: " + newThreads(before));
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      if ((name.contains("OkHttp") || name.contains("Okio") || name.startsWith("conduit-"))
          && !name.contains("MockWebServer")) {
        assertTrue(thread.isDaemon(), name + " is not a daemon thread");
      }
    }
  }

  private static Set<String> newThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.getName().startsWith("conduit-http-client"))
        .map(Thread::getName).collect(Collectors.toSet());
  }

  /** Waits (10 seconds at most) until transport threads exist ({@code present}) or are all gone. */
  private static boolean awaitThreads(Set<Thread> before, boolean present) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (newThreads(before).isEmpty() != present) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

}
