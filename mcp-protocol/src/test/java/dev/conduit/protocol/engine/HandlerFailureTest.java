package dev.conduit.protocol.engine;

import static dev.conduit.protocol.engine.WireLog.serverAnswered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.engine.WireLog.Connected;
import dev.conduit.protocol.engine.WireLog.Frame;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Specifies what the peer sees when a handler fails. An unexpected exception becomes {@code -32603 "Internal
 * error"} with no detail on the wire (a tool's becomes a result with {@code isError: true} that says only that the
 * tool failed, as {@link dev.conduit.protocol.server.ToolHandler} documents); an {@link McpException} becomes an
 * error with its own code and message. The connection goes on.
 */
class HandlerFailureTest {

  /** What the failing handlers know and must not tell. */
  private static final String SECRET = "jdbc:postgresql://db/prod?password=hunter2";

  private final McpServer server =
      McpServer.builder()
          .prompt(Prompt.of("broken", "Fails"), (args, ctx) -> {
            throw new IllegalStateException("cannot connect to " + SECRET);
          })
          .resource(Resource.of("memo://broken", "broken"), (uri, ctx) -> {
            throw new IOException("cannot read " + SECRET);
          })
          .tool(Tool.named("broken"), (args, ctx) -> {
            throw new IllegalStateException("cannot connect to " + SECRET);
          })
          .tool(Tool.named("quota"), (args, ctx) -> {
            throw new McpException(-31001, "Quota exceeded for this tenant", Map.of("retryAfterSeconds", 30));
          })
          .prompt(Prompt.of("refused", "Refuses"), (args, ctx) -> {
            throw McpException.invalidParams("This prompt is not available to you");
          })
          .tool(Tool.named("echo"), (args, ctx) -> CallToolResult.text(args.requireString("text")))
          .build();

  @AfterEach
  void shutDown() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void aHandlerThatThrowsYieldsInternalErrorWithNoDetailOnTheWire(Era era) throws Exception {
    try (Connected connection = WireLog.connect(server, era, builder -> {})) {
      assertInternalError(connection, () -> connection.client().getPrompt("broken", Map.of()));
      assertInternalError(connection, () -> connection.client().readResource("memo://broken"));
      assertNothingSecretOnTheWire(connection);
      assertTheConnectionGoesOn(connection);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void aToolThatThrowsYieldsAToolErrorWithNoDetail(Era era) {
    try (Connected connection = WireLog.connect(server, era, builder -> {})) {
      CallToolResult result = connection.client().callTool("broken", null);
      assertTrue(result.failed(), "isError");
      String text = ((TextContent) result.content().get(0)).text();
      assertEquals("Tool 'broken' failed with an internal error", text);
      assertNothingSecretOnTheWire(connection);
      assertTheConnectionGoesOn(connection);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void anMcpExceptionFromAHandlerYieldsItsOwnCodeAndMessage(Era era) throws Exception {
    try (Connected connection = WireLog.connect(server, era, builder -> {})) {
      McpException quota = assertThrows(McpException.class, () -> connection.client().callTool("quota", null));
      assertEquals(-31001, quota.code());
      assertEquals("Quota exceeded for this tenant", quota.getMessage());
      assertEquals(30, quota.data().tree().path("retryAfterSeconds").asInt(), "the error's data");

      McpException refused =
          assertThrows(McpException.class, () -> connection.client().getPrompt("refused", Map.of()));
      assertEquals(-32602, refused.code());
      assertEquals("This prompt is not available to you", refused.getMessage());
      assertTheConnectionGoesOn(connection);
    }
  }

  /** The call fails with -32603 "Internal error", and its error on the wire carries nothing more. */
  private static void assertInternalError(Connected connection, Executable call) throws Exception {
    int before = connection.wire().frames().size();
    McpException failure = assertThrows(McpException.class, call);
    assertEquals(-32603, failure.code());
    assertEquals("Internal error", failure.getMessage());
    assertNull(failure.data(), "no data");

    List<Frame> frames = connection.wire().frames();
    Frame request = frames.subList(before, frames.size()).stream()
        .filter(frame -> frame.fromClient() && frame.method() != null && frame.id() != null)
        .findFirst().orElseThrow();
    JsonNode error = connection.wire().await("the answer to " + request.id(), serverAnswered(request.id()))
        .json().path("error");
    assertEquals(-32603, error.path("code").asInt());
    assertEquals("Internal error", error.path("message").asText());
    assertFalse(error.has("data"), "no data on the wire: " + error);
  }

  private static void assertNothingSecretOnTheWire(Connected connection) {
    for (Frame frame : connection.wire().frames()) {
      String text = frame.json().toString();
      assertFalse(text.contains("hunter2") || text.contains("Exception") || text.contains("\\tat "),
          "leaked onto the wire: " + frame);
    }
  }

  private static void assertTheConnectionGoesOn(Connected connection) {
    CallToolResult next = connection.client().callTool("echo", Map.of("text", "still here"));
    assertEquals("still here", ((TextContent) next.content().get(0)).text());
  }
}
