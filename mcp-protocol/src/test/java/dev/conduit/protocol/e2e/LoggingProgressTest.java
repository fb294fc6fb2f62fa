package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.e2e.E2e.Wire;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.LoggingMessageNotificationParams;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.schema.ProgressNotificationParams;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifies log messages and progress end to end. Logging: a legacy client filters with {@code logging/setLevel}; a
 * modern request gets no messages unless it names a level in its {@code _meta}, and then only those at or above it.
 * Progress: a call that asks for progress gets every notification, in order, before the call returns, in both eras.
 *
 * <p>The tools log first and report progress last; the call asks for progress, so when it returns every log
 * message the server sent has reached the listener (notifications are handed over in the order they arrived).
 */
class LoggingProgressTest {

  private final McpServer server = McpServer.builder()
      .info("logger", "1.0")
      .tool(Tool.named("chatty"), (args, ctx) -> {
        for (LoggingLevel level : List.of(LoggingLevel.DEBUG, LoggingLevel.INFO, LoggingLevel.WARNING,
            LoggingLevel.ERROR)) {
          ctx.log(level, "at " + level.id());
        }
        ctx.progress(1, 1);
        return CallToolResult.text("done");
      })
      .tool(Tool.named("steps"), (args, ctx) -> {
        for (int step = 1; step <= 3; step++) {
          ctx.progress(step, 3.0, "step " + step);
        }
        return CallToolResult.text("done");
      })
      .build();

  private final List<LoggingMessageNotificationParams> logs = Collections.synchronizedList(new ArrayList<>());
  private final List<ProgressNotificationParams> progress = Collections.synchronizedList(new ArrayList<>());
  private final Wire wire = new Wire();

  private McpClient connect(Era era) {
    return client(server, era, wire.pair()).onLog(logs::add).connect();
  }

  private List<String> chattyLogs(McpClient client) {
    logs.clear();
    client.callTool("chatty", null, RequestOptions.progress(progress::add));
    return logs.stream().map(log -> log.data().asText()).toList();
  }

  @Test
  void aLegacyClientThatSetNoLevelGetsEveryMessage() {
    try (McpClient client = connect(Era.LEGACY)) {
      assertEquals(List.of("at debug", "at info", "at warning", "at error"), chattyLogs(client));
    }
  }

  @Test
  void legacySetLevelFiltersMessagesBelowIt() {
    try (McpClient client = connect(Era.LEGACY)) {
      client.setLoggingLevel(LoggingLevel.WARNING);
      assertEquals(List.of("at warning", "at error"), chattyLogs(client));
      client.setLoggingLevel(LoggingLevel.ERROR);
      assertEquals(List.of("at error"), chattyLogs(client));
      assertEquals(2, wire.matching(Wire.method("logging/setLevel")).size());
    }
  }

  @Test
  void aModernRequestWithoutALevelGetsNoMessages() {
    try (McpClient client = connect(Era.MODERN)) {
      assertEquals(List.of(), chattyLogs(client));
      assertFalse(wire.text().contains("notifications/message"), wire.text());
    }
  }

  @Test
  void modernRequestsCarryTheLevelAndGetMessagesAtOrAboveIt() {
    try (McpClient client = connect(Era.MODERN)) {
      client.setLoggingLevel(LoggingLevel.INFO);
      assertEquals(List.of("at info", "at warning", "at error"), chattyLogs(client));
      client.setLoggingLevel(LoggingLevel.ERROR);
      assertEquals(List.of("at error"), chattyLogs(client));
      assertTrue(wire.matching(Wire.method("logging/setLevel")).isEmpty(), "2026-07-28 has no logging/setLevel");
      List<String> sentLevels = wire.matching(Wire.method("tools/call")).stream()
          .map(call -> call.path("params").path("_meta").path(Meta.LOG_LEVEL).asText())
          .toList();
      assertEquals(List.of("info", "error"), sentLevels);
    }
  }

  @BothEras
  void logMessagesNameTheServerAsLoggerAndCarryTheirLevel(Era era) {
    try (McpClient client = connect(era)) {
      client.setLoggingLevel(LoggingLevel.ERROR);
      chattyLogs(client);
      LoggingMessageNotificationParams message = logs.get(0);
      assertEquals(LoggingLevel.ERROR, message.level());
      assertEquals("logger", message.logger());
    }
  }

  @BothEras
  void progressArrivesInOrderBeforeTheCallReturns(Era era) {
    try (McpClient client = connect(era)) {
      CallToolResult result = client.callTool("steps", null, RequestOptions.progress(progress::add));
      assertEquals("done", E2e.text(result));
      assertEquals(List.of(1.0, 2.0, 3.0), progress.stream().map(ProgressNotificationParams::progress).toList());
      assertEquals(List.of("step 1", "step 2", "step 3"),
          progress.stream().map(ProgressNotificationParams::message).toList());
      assertTrue(progress.stream().allMatch(p -> p.total() == 3.0));
    }
  }

  @BothEras
  void progressCarriesTheTokenTheRequestSent(Era era) {
    try (McpClient client = connect(era)) {
      client.callTool("steps", null, RequestOptions.progress(progress::add));
      JsonNode call = wire.awaitFrame(Wire.method("tools/call"));
      JsonNode token = call.path("params").path("_meta").path(Meta.PROGRESS_TOKEN);
      assertFalse(token.isMissingNode());
      for (JsonNode notification : wire.matching(Wire.method("notifications/progress"))) {
        assertEquals(token, notification.path("params").path("progressToken"));
      }
      assertEquals(3, wire.matching(Wire.method("notifications/progress")).size());
    }
  }

  @BothEras
  void aCallThatDoesNotAskForProgressGetsNone(Era era) {
    List<ProgressNotificationParams> anyProgress = Collections.synchronizedList(new ArrayList<>());
    try (McpClient client = client(server, era, wire.pair()).onProgress(anyProgress::add).connect()) {
      client.callTool("steps", null);
      // The call that follows asks for progress, so once it returns, anything sent before has been handed over.
      client.callTool("chatty", null, RequestOptions.progress(progress::add));
      assertEquals(1, anyProgress.size(), "only the progress of the second call");
      assertEquals(List.of(1.0), progress.stream().map(ProgressNotificationParams::progress).toList());
      JsonNode first = wire.matching(Wire.method("tools/call")).get(0);
      assertFalse(first.path("params").path("_meta").has(Meta.PROGRESS_TOKEN));
    }
  }
}
