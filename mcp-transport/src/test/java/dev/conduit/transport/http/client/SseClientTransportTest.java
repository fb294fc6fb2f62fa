package dev.conduit.transport.http.client;

import static dev.conduit.transport.http.client.Messages.request;
import static dev.conduit.transport.http.client.ScriptedServer.id;
import static dev.conduit.transport.http.client.ScriptedServer.result;
import static dev.conduit.transport.http.client.ScriptedServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcResult;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.net.ProtocolException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The 2024-11-05 HTTP+SSE client transport. */
class SseClientTransportTest {

  private final EventStream events = EventStream.open();
  private final RecordingListener listener = new RecordingListener();
  private ScriptedServer server;
  private SseClientTransport transport;
  private volatile int postStatus = 202;
  private volatile String answer = "{\"echo\":true}";

  @AfterEach
  void tearDown() throws Exception {
    events.end();
    if (transport != null) {
      transport.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private MockResponse oldServer(RecordedRequest request) {
    if (request.getMethod().equals("GET")) {
      return events.response();
    }
    if (postStatus != 202) {
      return status(postStatus);
    }
    events.send(EventStream.message(result(id(request), answer)));
    return new MockResponse.Builder().code(202).body("Accepted").build();
  }

  private void connect() throws Exception {
    server = new ScriptedServer(this::oldServer);
    transport = SseClientTransport.builder(server.url("/sse"))
        .headers(() -> Map.of("Authorization", "Bearer t"))
        .build();
    transport.start(listener);
  }

  @Test
  void messagesArePostedToTheEndpointAndAnswersArriveOnTheStream() throws Exception {
    connect();
    events.send("event: endpoint\ndata: /message?sessionId=abc\n\n");

    transport.send(request(1, "ping", "{}"), null).toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertEquals(RequestId.of(1), listener.next(JsonRpcResult.class).id());
    RecordedRequest get = server.take();
    assertEquals("GET", get.getMethod());
    assertEquals("/sse", get.getUrl().encodedPath());
    assertEquals("text/event-stream", get.getHeaders().get("Accept"));
    RecordedRequest post = server.take();
    assertEquals("POST", post.getMethod());
    assertEquals("/message?sessionId=abc", post.getTarget());
    assertEquals("application/json", post.getHeaders().get("Content-Type"));
    assertEquals("Bearer t", post.getHeaders().get("Authorization"));
    assertEquals(server.url("/message?sessionId=abc"), transport.endpoint());
  }

  @Test
  void messagesSentBeforeTheEndpointArrivesWaitForIt() throws Exception {
    connect();

    var sent = transport.send(request(2, "ping", "{}"), null).toCompletableFuture();
    server.take();
    Thread.sleep(100);
    assertEquals(1, server.seen().size());
    events.send("event: endpoint\ndata: /message?sessionId=late\n\n");

    sent.get(10, TimeUnit.SECONDS);
    assertEquals("/message?sessionId=late", server.take().getTarget());
    assertEquals(RequestId.of(2), listener.next(JsonRpcResult.class).id());
  }

  @Test
  void theServerEndingTheStreamClosesTheTransport() throws Exception {
    connect();
    events.send("event: endpoint\ndata: /message\n\n");
    transport.send(request(3, "ping", "{}"), null).toCompletableFuture().get(10, TimeUnit.SECONDS);
    listener.next();

    events.end();

    assertEquals(Optional.empty(), listener.awaitClose());
    assertTrue(transport.send(request(4, "ping", "{}"), null).toCompletableFuture().isCompletedExceptionally());
    assertTrue(transport.okHttpClient().dispatcher().executorService().isShutdown());
    assertEquals(1, listener.closeCount());
  }

  @Test
  void anEndpointOnAnotherOriginIsRefused() throws Exception {
    connect();

    events.send("event: endpoint\ndata: http://elsewhere.example/message\n\n");

    Throwable cause = listener.awaitClose().orElseThrow();
    assertInstanceOf(ProtocolException.class, cause);
  }

  @Test
  void noEndpointInTimeEndsTheConnection() throws Exception {
    server = new ScriptedServer(this::oldServer);
    transport = SseClientTransport.builder(server.url("/sse")).endpointTimeout(Duration.ofMillis(200)).build();
    transport.start(listener);

    assertTrue(listener.awaitClose().isPresent());
    assertTrue(events.awaitDisconnected());
  }

  @Test
  void aRequestTurnedDownIsAnsweredWithAnError() throws Exception {
    connect();
    events.send("event: endpoint\ndata: /message\n\n");
    postStatus = 400;

    transport.send(request(5, "tools/list", "{}"), null).toCompletableFuture().get(10, TimeUnit.SECONDS);

    JsonRpcError error = listener.next(JsonRpcError.class);
    assertEquals(RequestId.of(5), error.id());
    assertTrue(error.error().message().contains("HTTP 400"), error.error().message());
  }

  @Test
  void anAnswerThatRepeatsAMemberArrivesAsAnErrorForTheCall() throws Exception {
    connect();
    events.send("event: endpoint\ndata: /message\n\n");
    answer = "{\"content\":[{\"type\":\"text\",\"text\":\"safe\",\"text\":\"evil\"}]}";

    transport.send(request(6, "tools/call", "{}"), null).toCompletableFuture().get(10, TimeUnit.SECONDS);

    JsonRpcError error = listener.next(JsonRpcError.class);
    assertEquals(RequestId.of(6), error.id());
    assertEquals(-32600, error.error().code());
    assertTrue(error.error().message().startsWith("Invalid response: duplicate member 'text'"),
        error.error().message());
  }
}
