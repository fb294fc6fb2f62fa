package dev.conduit.transport.http.client;

import static dev.conduit.transport.http.client.Messages.request;
import static dev.conduit.transport.http.client.ScriptedServer.id;
import static dev.conduit.transport.http.client.ScriptedServer.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.transport.McpTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Messages sent one after another go out in that order, though their POSTs run at once. */
class SendOrderTest {

  private static final int COUNT = 40;

  private final List<String> started = new CopyOnWriteArrayList<>();
  private final OkHttpClient recording = new OkHttpClient.Builder()
      .addNetworkInterceptor(chain -> {
        // Network interceptors run on the connection just before the body is written: the order they see is the
        // order in which messages go out. Reading the body here tells the transport it was written, so reading and
        // recording must be one step, or the next message could be recorded first.
        synchronized (started) {
          Buffer body = new Buffer();
          if (chain.request().body() != null) {
            chain.request().body().writeTo(body);
          }
          started.add(body.readUtf8());
        }
        return chain.proceed(chain.request());
      })
      .build();
  private ScriptedServer server;
  private McpTransport transport;

  @AfterEach
  void tearDown() throws Exception {
    if (transport != null) {
      transport.close();
    }
    if (server != null) {
      server.close();
    }
    recording.dispatcher().executorService().shutdown();
    recording.connectionPool().evictAll();
  }

  private static JsonRpcMessage message(int i) {
    return i % 2 == 0
        ? request(i, "tools/list", "{}")
        : new JsonRpcNotification("notifications/progress", JsonPayload.ofJson("{\"progress\":" + i + "}"));
  }

  private void sendAll() throws Exception {
    transport.start(new RecordingListener());
    List<CompletableFuture<Void>> sends = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      sends.add(transport.send(message(i), null).toCompletableFuture());
    }
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
  }

  private void assertSentInOrder() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      expected.add(JsonRpcCodec.standard().encodeToString(message(i)));
    }
    assertEquals(expected, started.stream().filter(body -> !body.isEmpty()).toList());
  }

  @Test
  void streamableHttpPostsGoOutInSendOrder() throws Exception {
    server = new ScriptedServer(request -> ScriptedServer.method(request).startsWith("notifications/")
        ? new MockResponse.Builder().code(202).build()
        : ScriptedServer.json(result(id(request), "{}")));
    transport = StreamableHttpClientTransport.builder(server.url("/mcp")).okHttpClient(recording).build();

    sendAll();

    assertSentInOrder();
  }

  @Test
  void httpSsePostsGoOutInSendOrder() throws Exception {
    EventStream events = EventStream.open().send("event: endpoint\ndata: /message\n\n");
    server = new ScriptedServer(request -> request.getMethod().equals("GET")
        ? events.response()
        : new MockResponse.Builder().code(202).build());
    transport = SseClientTransport.builder(server.url("/sse")).okHttpClient(recording).build();
    try {
      sendAll();
    } finally {
      events.end();
    }

    assertSentInOrder();
  }
}
