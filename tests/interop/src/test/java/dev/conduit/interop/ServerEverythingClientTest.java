package dev.conduit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.interop.ServerEverything.Via;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.LoggingMessageNotificationParams;
import dev.conduit.protocol.schema.ProgressNotificationParams;
import dev.conduit.protocol.schema.PromptMessage;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.Role;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jspecify.annotations.Nullable;

/**
 * Specifies that Conduit's {@link McpClient}, with its default era detection, works with the reference server
 * {@code @modelcontextprotocol/server-everything} 2026.8.31 over each transport it offers: stdio (a child process per
 * client), Streamable HTTP ({@code /mcp}) and the legacy HTTP+SSE transport ({@code /sse}), one nested class each.
 * Each test is one behaviour: tools are listed and called, resources and templates listed and read, prompts
 * rendered, progress and log messages received. The expected texts are those of the installed server's source
 * ({@code dist/}).
 */
class ServerEverythingClientTest {

  @Nested
  class OverStdio extends Behaviours {
    OverStdio() {
      super(Via.STDIO);
    }
  }

  @Nested
  class OverStreamableHttp extends Behaviours {
    OverStreamableHttp() {
      super(Via.STREAMABLE_HTTP);
    }
  }

  @Nested
  class OverLegacySse extends Behaviours {
    OverLegacySse() {
      super(Via.LEGACY_SSE);
    }
  }

  /** The behaviours, the same over every transport; one server (or, over stdio, none) for all of a transport's. */
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class Behaviours {

    private static final Duration LONG_WAIT = Duration.ofSeconds(60);
    private final Via via;
    private @Nullable ServerEverything peer;

    Behaviours(Via via) {
      this.via = via;
    }

    @BeforeAll
    void startServer() {
      peer = ServerEverything.start(via);
    }

    @AfterAll
    void stopServer() {
      if (peer != null) {
        peer.close();
        peer = null;
      }
    }

    @Test
    void negotiatesTheLegacyRevisionTheServerSpeaks() {
      try (McpClient client = connect(builder -> { })) {
        assertFalse(client.isModern());
        assertEquals("2025-11-25", client.protocolVersion().id());
        assertNotNull(client.serverInfo());
        assertEquals("mcp-servers/everything", client.serverInfo().name());
      }
    }

    @Test
    void listsTheServersTools() {
      try (McpClient client = connect(builder -> { })) {
        List<String> names = client.listAllTools().stream().map(Tool::name).toList();
        assertTrue(names.containsAll(List.of("echo", "get-sum", "trigger-long-running-operation",
            "toggle-simulated-logging")), () -> "tools: " + names);
      }
    }

    @Test
    void callsEcho() {
      try (McpClient client = connect(builder -> { })) {
        CallToolResult result = client.callTool("echo", Map.of("message", "hello from Conduit"));
        assertFalse(result.failed(), () -> "echo: " + result);
        assertEquals("Echo: hello from Conduit", text(result));
      }
    }

    @Test
    void callsGetSumWithNumbers() {
      try (McpClient client = connect(builder -> { })) {
        CallToolResult result = client.callTool("get-sum", Map.of("a", 2, "b", 3));
        assertFalse(result.failed(), () -> "get-sum: " + result);
        assertEquals("The sum of 2 and 3 is 5.", text(result));
      }
    }

    @Test
    void listsTheStaticDocuments() {
      try (McpClient client = connect(builder -> { })) {
        List<String> uris = client.listAllResources().stream().map(Resource::uri).toList();
        assertTrue(uris.contains("demo://resource/static/document/features.md"), () -> "resources: " + uris);
      }
    }

    @Test
    void readsAStaticDocument() {
      try (McpClient client = connect(builder -> { })) {
        ReadResourceResult result = client.readResource("demo://resource/static/document/features.md");
        TextResourceContents contents = assertInstanceOf(TextResourceContents.class, result.contents().get(0));
        assertEquals("demo://resource/static/document/features.md", contents.uri());
        assertEquals("text/markdown", contents.mimeType());
        assertTrue(contents.text().startsWith("# Everything Server - Features"), contents::text);
      }
    }

    @Test
    void listsTheResourceTemplates() {
      try (McpClient client = connect(builder -> { })) {
        List<String> templates =
            client.listAllResourceTemplates().stream().map(ResourceTemplate::uriTemplate).toList();
        assertTrue(templates.contains("demo://resource/dynamic/text/{resourceId}"), () -> "templates: " + templates);
      }
    }

    @Test
    void readsAResourceFromATemplate() {
      try (McpClient client = connect(builder -> { })) {
        ReadResourceResult result = client.readResource("demo://resource/dynamic/text/7");
        TextResourceContents contents = assertInstanceOf(TextResourceContents.class, result.contents().get(0));
        assertEquals("demo://resource/dynamic/text/7", contents.uri());
        assertEquals("text/plain", contents.mimeType());
        assertTrue(contents.text().startsWith("Resource 7: This is a plaintext resource"), contents::text);
      }
    }

    @Test
    void getsThePromptWithoutArguments() {
      try (McpClient client = connect(builder -> { })) {
        GetPromptResult result = client.getPrompt("simple-prompt", Map.of());
        assertEquals(1, result.messages().size(), () -> "messages: " + result.messages());
        PromptMessage message = result.messages().get(0);
        assertEquals(Role.USER, message.role());
        assertEquals("This is a simple prompt without arguments.",
            assertInstanceOf(TextContent.class, message.content()).text());
      }
    }

    @Test
    void getsThePromptWithArguments() {
      try (McpClient client = connect(builder -> { })) {
        GetPromptResult result = client.getPrompt("args-prompt", Map.of("city", "Lisbon", "state", "Portugal"));
        assertEquals("What's weather in Lisbon, Portugal?",
            assertInstanceOf(TextContent.class, result.messages().get(0).content()).text());
      }
    }

    @Test
    void receivesTheProgressOfALongRunningOperation() throws InterruptedException {
      BlockingQueue<ProgressNotificationParams> progress = new LinkedBlockingQueue<>();
      try (McpClient client = connect(builder -> { })) {
        CallToolResult result = client.callTool("trigger-long-running-operation", Map.of("duration", 1, "steps", 3),
            RequestOptions.progress(progress::add));
        assertEquals("Long running operation completed. Duration: 1 seconds, Steps: 3.", text(result));
        List<ProgressNotificationParams> received = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          ProgressNotificationParams next = progress.poll(LONG_WAIT.toSeconds(), TimeUnit.SECONDS);
          assertNotNull(next, () -> "Progress received: " + received);
          received.add(next);
        }
        assertEquals(List.of(1.0, 2.0, 3.0), received.stream().map(ProgressNotificationParams::progress).toList(),
            () -> "progress: " + received);
        assertEquals(List.of(3.0, 3.0, 3.0), received.stream().map(ProgressNotificationParams::total).toList(),
            () -> "progress: " + received);
      }
    }

    @Test
    void receivesLogMessagesAfterSettingTheLevel() throws InterruptedException {
      BlockingQueue<LoggingMessageNotificationParams> logs = new LinkedBlockingQueue<>();
      try (McpClient client = connect(builder -> builder.onLog(logs::add))) {
        client.setLoggingLevel(LoggingLevel.DEBUG);
        // The tool logs at once, then every 5 seconds; over Streamable HTTP the messages come on the GET stream.
        CallToolResult started = client.callTool("toggle-simulated-logging", Map.of());
        assertTrue(text(started).startsWith("Started simulated, random-leveled logging"), () -> text(started));
        LoggingMessageNotificationParams log = logs.poll(LONG_WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(log, () -> "No log message within " + LONG_WAIT.toSeconds() + " s; " + server());
        // "Debug-level message", ..., "Alert level-message": the text names the level the message came at.
        assertTrue(log.data().asText().toLowerCase().startsWith(log.level().id() + "-level")
            || log.data().asText().toLowerCase().startsWith(log.level().id() + " level"), () -> "log: " + log);
        client.callTool("toggle-simulated-logging", Map.of());
      }
    }

    private McpClient connect(Consumer<McpClient.Builder> settings) {
      McpClient.Builder builder = McpClient.builder()
          .transport(server().transport())
          .info("conduit-interop-tests", "1.0.0")
          .requestTimeout(LONG_WAIT);
      settings.accept(builder);
      try {
        return builder.connect();
      } catch (RuntimeException e) {
        throw new AssertionError("Could not connect to " + server() + ":\n" + server().describe(), e);
      }
    }

    private ServerEverything server() {
      ServerEverything current = peer;
      if (current == null) {
        throw new IllegalStateException("server-everything is not running");
      }
      return current;
    }

    private static String text(CallToolResult result) {
      assertFalse(result.content().isEmpty(), () -> "no content: " + result);
      return assertInstanceOf(TextContent.class, result.content().get(0)).text();
    }
  }
}
