package dev.conduit.transport.http;

import static dev.conduit.transport.http.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How answers travel: plain JSON, SSE on the POST, the GET stream, resumption. */
class StreamingTest {

  private Fixture fixture;
  private String session;

  @BeforeEach
  void start() throws IOException {
    fixture = new Fixture();
    session = fixture.initialize();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aToolThatSendsNothingBeforeItsResultAnswersPlainJson() throws IOException {
    try (RawHttp response = fixture.post(Fixture.call(2, "echo"), "Mcp-Session-Id", session)) {
      assertEquals(200, response.status());
      assertTrue(response.header("Content-Type").startsWith("application/json"));
      assertEquals("echo", json(response.body()).path("result").path("content").path(0).path("text").asText());
    }
  }

  @Test
  void aToolRunsOnTheThreadThatServesItsExchange() throws IOException {
    try (RawHttp response = fixture.post(Fixture.call(2, "thread"), "Mcp-Session-Id", session)) {
      String thread = json(response.body()).path("result").path("content").path(0).path("text").asText();
      assertTrue(thread.startsWith("conduit-http-"), thread);
    }
  }

  @Test
  void aToolThatLogsAnswersWithAnSseStreamEndingInItsResult() throws IOException {
    try (RawHttp response = fixture.post(Fixture.call(2, "chatty"), "Mcp-Session-Id", session)) {
      assertEquals(200, response.status());
      assertTrue(response.header("Content-Type").startsWith("text/event-stream"));
      assertEquals("no", response.header("X-Accel-Buffering"));
      List<String> logs = new ArrayList<>();
      JsonNode last = null;
      for (RawHttp.SseEvent event; (event = response.nextMessage()) != null; ) {
        assertEquals("message", event.event());
        assertNotNull(event.id());
        last = json(event.data());
        if ("notifications/message".equals(last.path("method").asText())) {
          logs.add(last.path("params").path("data").asText());
        }
      }
      assertEquals(List.of("started", "working", "finished"), logs);
      assertNotNull(last);
      assertEquals(2, last.path("id").asInt());
      assertEquals("done", last.path("result").path("content").path(0).path("text").asText());
    }
  }

  @Test
  void progressNotificationsArriveOnThePostStreamBeforeTheResult() throws IOException {
    try (RawHttp response = fixture.post(Fixture.callWithProgress(2, "progress"), "Mcp-Session-Id", session)) {
      assertTrue(response.header("Content-Type").startsWith("text/event-stream"));
      List<Double> progress = new ArrayList<>();
      JsonNode message;
      do {
        RawHttp.SseEvent event = response.nextMessage();
        assertNotNull(event, "the stream ended before the result");
        message = json(event.data());
        if ("notifications/progress".equals(message.path("method").asText())) {
          assertEquals("p-1", message.path("params").path("progressToken").asText());
          progress.add(message.path("params").path("progress").asDouble());
        }
      } while (!message.has("result"));
      assertEquals(List.of(0.0, 50.0, 100.0), progress);
    }
  }

  @Test
  void anSseAnswerStartsWithAPrimingEventThatHasAnIdEmptyDataAndRetry() throws IOException {
    try (RawHttp response = fixture.post(Fixture.call(2, "chatty"), "Mcp-Session-Id", session)) {
      RawHttp.SseEvent priming = response.nextEvent();
      assertNotNull(priming);
      assertNotNull(priming.id());
      assertEquals("", priming.data());
      assertEquals("500", priming.retry());
    }
  }

  @Test
  void anElicitationDuringACallTravelsOnThePostStreamAndItsAnswerIsPostedBack() throws IOException {
    try (RawHttp call = fixture.post(Fixture.call(7, "ask"), "Mcp-Session-Id", session)) {
      JsonNode request = json(call.nextMessage().data());
      assertEquals("elicitation/create", request.path("method").asText());
      String answer = "{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"result\":{\"action\":\"accept\","
          + "\"content\":{\"name\":\"Ada\"}}}";
      try (RawHttp posted = fixture.post(answer, "Mcp-Session-Id", session)) {
        assertEquals(202, posted.status());
      }
      JsonNode result = json(call.nextMessage().data());
      assertEquals(7, result.path("id").asInt());
      assertEquals("Hello Ada", result.path("result").path("content").path(0).path("text").asText());
      assertNull(call.nextEvent());
    }
  }

  @Test
  void theGetStreamCarriesListChangedNotifications() throws IOException {
    try (RawHttp get = fixture.request("GET", "/mcp",
        Map.of("Accept", "text/event-stream", "Mcp-Session-Id", session), null)) {
      assertEquals(200, get.status());
      RawHttp.SseEvent priming = get.nextEvent();
      assertNotNull(priming.id());
      fixture.server.addTool(Tool.named("late").description("Added late").build(), (args, ctx) -> CallToolResult.text(""));
      JsonNode notification = json(get.nextMessage().data());
      assertEquals("notifications/tools/list_changed", notification.path("method").asText());
    }
  }

  @Test
  void messagesSentWhileNoGetStreamIsOpenWaitForTheNextOne() throws IOException {
    fixture.server.addTool(Tool.named("early").description("Added early").build(), (args, ctx) -> CallToolResult.text(""));
    try (RawHttp get = fixture.request("GET", "/mcp",
        Map.of("Accept", "text/event-stream", "Mcp-Session-Id", session), null)) {
      JsonNode notification = json(get.nextMessage().data());
      assertEquals("notifications/tools/list_changed", notification.path("method").asText());
    }
  }

  @Test
  void aStreamTheServerClosedMidCallIsResumedByGetWithLastEventId() throws IOException {
    String lastSeen;
    try (RawHttp call = fixture.post(Fixture.call(9, "poll"), "Mcp-Session-Id", session)) {
      RawHttp.SseEvent priming = call.nextEvent();
      assertEquals("500", priming.retry());
      RawHttp.SseEvent before = call.nextMessage();
      assertEquals("before the close", json(before.data()).path("params").path("data").asText());
      lastSeen = before.id();
      assertNull(call.nextEvent(), "the server closes the POST stream mid-call");
    }
    fixture.release.countDown();
    try (RawHttp resumed = fixture.request("GET", "/mcp",
        Map.of("Accept", "text/event-stream", "Mcp-Session-Id", session, "Last-Event-ID", lastSeen), null)) {
      assertEquals(200, resumed.status());
      JsonNode after = json(resumed.nextMessage().data());
      assertEquals("after the close", after.path("params").path("data").asText());
      JsonNode result = json(resumed.nextMessage().data());
      assertEquals(9, result.path("id").asInt());
      assertEquals("reconnected", result.path("result").path("content").path(0).path("text").asText());
      assertNull(resumed.nextEvent(), "the resumed stream ends with the response");
    }
  }

  @Test
  void aResumedStreamReplaysOnlyItsOwnEvents() throws IOException {
    String priming;
    try (RawHttp call = fixture.post(Fixture.call(9, "poll"), "Mcp-Session-Id", session)) {
      priming = call.nextEvent().id();
      call.body();
    }
    fixture.server.addTool(Tool.named("noise").description("GET stream traffic").build(),
        (args, ctx) -> CallToolResult.text(""));
    try (RawHttp chatty = fixture.post(Fixture.call(10, "chatty"), "Mcp-Session-Id", session)) {
      chatty.body();
    }
    fixture.release.countDown();
    try (RawHttp resumed = fixture.request("GET", "/mcp",
        Map.of("Accept", "text/event-stream", "Mcp-Session-Id", session, "Last-Event-ID", priming), null)) {
      List<String> seen = new ArrayList<>();
      for (RawHttp.SseEvent event; (event = resumed.nextMessage()) != null; ) {
        JsonNode message = json(event.data());
        seen.add(message.has("id") ? "result " + message.path("id").asText()
            : message.path("params").path("data").asText());
      }
      assertEquals(List.of("before the close", "after the close", "result 9"), seen);
    }
  }

  @Test
  void threeConcurrentPostsOnOneSessionAllGet200() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int id = 1000 + i;
        Callable<Integer> post = () -> {
          try (RawHttp response = fixture.post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\"}",
              "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-03-26")) {
            assertEquals(id, json(response.body()).path("id").asInt());
            return response.status();
          }
        };
        answers.add(pool.submit(post));
      }
      for (Future<Integer> answer : answers) {
        assertEquals(200, answer.get(Fixture.WAIT_SECONDS, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
