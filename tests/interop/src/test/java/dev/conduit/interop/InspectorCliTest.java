package dev.conduit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.samples.conformance.EverythingServer;
import dev.conduit.transport.http.StreamableHttpServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jspecify.annotations.Nullable;

/**
 * Specifies that the official Inspector CLI ({@code @modelcontextprotocol/inspector-cli} 1.0.3) works with Conduit's
 * conformance "everything" server over stdio (the CLI launches {@code EverythingServer --stdio} on this JVM's class
 * path), over Streamable HTTP (the server runs in this JVM at {@code http://localhost:PORT/mcp}) and over the legacy
 * HTTP+SSE transport ({@code /sse} on the same server), one nested class each: it lists the tools, calls tools with
 * and without arguments, reads resources and renders prompts, and prints the results as JSON.
 */
class InspectorCliTest {

  @Nested
  class OverStdio extends Behaviours {
    OverStdio() {
      super(Transport.STDIO);
    }
  }

  @Nested
  class OverStreamableHttp extends Behaviours {
    OverStreamableHttp() {
      super(Transport.STREAMABLE_HTTP);
    }
  }

  @Nested
  class OverLegacySse extends Behaviours {
    OverLegacySse() {
      super(Transport.LEGACY_SSE);
    }
  }

  /** How the Inspector reaches the server. */
  enum Transport {
    STDIO,
    STREAMABLE_HTTP,
    LEGACY_SSE
  }

  /** The behaviours, the same over every transport; over HTTP one server in this JVM serves them all. */
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class Behaviours {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Transport transport;
    private @Nullable McpServer server;
    private @Nullable StreamableHttpServer http;

    Behaviours(Transport transport) {
      this.transport = transport;
    }

    @BeforeAll
    void startServer() {
      if (transport != Transport.STDIO) {
        McpServer everything = EverythingServer.create();
        server = everything;
        http = StreamableHttpServer.builder(everything).host("127.0.0.1").port(0).path("/mcp")
            .legacySse("/sse", "/message")
            .start();
      }
    }

    @AfterAll
    void stopServer() {
      if (http != null) {
        http.close();
        http = null;
      }
      if (server != null) {
        server.close();
        server = null;
      }
    }

    @Test
    void listsTheToolsWithTheirDescriptions() {
      JsonNode tools = inspect("--method", "tools/list").path("tools");
      List<String> names = new ArrayList<>();
      tools.forEach(tool -> {
        names.add(tool.path("name").asText());
        assertTrue(!tool.path("description").asText().isEmpty(), () -> "no description: " + tool);
      });
      assertTrue(names.containsAll(List.of("test_simple_text", "test_tool_with_progress", "test_sampling",
          "json_schema_2020_12_tool")), () -> "tools: " + names);
    }

    @Test
    void callsAToolWithoutArguments() {
      JsonNode result = inspect("--method", "tools/call", "--tool-name", "test_simple_text");
      assertEquals("text", result.path("content").path(0).path("type").asText(), result::toString);
      assertEquals("This is a simple text response for testing.",
          result.path("content").path(0).path("text").asText());
    }

    @Test
    void callsAToolWithArguments() {
      JsonNode result =
          inspect("--method", "tools/call", "--tool-name", "json_schema_2020_12_tool", "--tool-arg", "name=Ada",
              "email=ada@example.com");
      // Its schema asks for a phone or an email (allOf/anyOf), and for the email when no contactMethod says phone.
      assertEquals("JSON Schema 2020-12 tool called with {\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
          result.path("content").path(0).path("text").asText(), result::toString);
    }

    @Test
    void receivesAToolErrorAsAResult() {
      JsonNode result = inspect("--method", "tools/call", "--tool-name", "test_error_handling");
      assertTrue(result.path("isError").asBoolean(), result::toString);
      assertEquals("This tool intentionally returns an error for testing",
          result.path("content").path(0).path("text").asText(), result::toString);
    }

    @Test
    void readsAStaticResource() {
      JsonNode contents =
          inspect("--method", "resources/read", "--uri", "test://static-text").path("contents").path(0);
      assertEquals("test://static-text", contents.path("uri").asText(), contents::toString);
      assertEquals("text/plain", contents.path("mimeType").asText(), contents::toString);
      assertEquals("This is the content of the static text resource.", contents.path("text").asText());
    }

    @Test
    void readsAResourceFromATemplate() throws IOException {
      JsonNode contents =
          inspect("--method", "resources/read", "--uri", "test://template/42/data").path("contents").path(0);
      assertEquals("test://template/42/data", contents.path("uri").asText(), contents::toString);
      JsonNode data = JSON.readTree(contents.path("text").asText());
      assertEquals("42", data.path("id").asText(), contents::toString);
    }

    @Test
    void rendersAPromptWithArguments() {
      JsonNode message = inspect("--method", "prompts/get", "--prompt-name", "test_prompt_with_arguments",
          "--prompt-args", "arg1=first", "arg2=second").path("messages").path(0);
      assertEquals("user", message.path("role").asText(), message::toString);
      assertEquals("Prompt with arguments: arg1='first', arg2='second'",
          message.path("content").path("text").asText(), message::toString);
    }

    /** Runs the Inspector CLI against the server with {@code method}'s arguments and parses what it prints. */
    private JsonNode inspect(String... method) {
      List<String> server = switch (transport) {
        case STDIO -> NodeTools.javaCommand(EverythingServer.class.getName(), "--stdio");
        case STREAMABLE_HTTP -> Inspector.http("http://localhost:" + running().port() + "/mcp");
        case LEGACY_SSE -> Inspector.sse("http://localhost:" + running().port() + "/sse");
      };
      return Inspector.inspect(transport.name().toLowerCase(), server, method);
    }

    private StreamableHttpServer running() {
      StreamableHttpServer current = http;
      if (current == null) {
        throw new IllegalStateException("The HTTP server is not running");
      }
      return current;
    }
  }
}
