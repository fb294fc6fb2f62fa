package dev.conduit.interop.official;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.interop.official.Interop.Stderr;
import dev.conduit.interop.official.Interop.Transport;
import dev.conduit.samples.conformance.EverythingServer;
import dev.conduit.transport.http.StreamableHttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest.CompleteArgument;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.PromptReference;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The official MCP Java SDK 2.2.0's legacy client against Conduit's everything server ({@link EverythingServer}), over
 * Streamable HTTP (Conduit's {@link StreamableHttpServer} on a loopback port; the SDK's {@link
 * HttpClientStreamableHttpTransport}) and over stdio (the SDK's {@link StdioClientTransport} spawning a child JVM
 * that runs {@code EverythingServer --stdio}).
 *
 * <p>Specifies that the SDK's client initializes with Conduit's server at 2025-11-25 and then uses every feature
 * through its own API: tools (text, image and error results, an unknown tool), progress and log notifications reaching
 * its consumers, resources and templates, prompts with arguments, completion, ping, and Conduit's sampling and
 * elicitation requests answered by its handlers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialClientToConduitServerTest {

  private final Map<Transport, McpSyncClient> clients = new EnumMap<>(Transport.class);
  private final List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
  private final List<LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
  private final Stderr childStderr = new Stderr("Conduit everything server (stdio)");
  private dev.conduit.protocol.server.McpServer server;
  private StreamableHttpServer httpServer;

  private McpSyncClient client(Transport transport) {
    return clients.computeIfAbsent(transport, t -> connect(transport(t)));
  }

  private McpClientTransport transport(Transport transport) {
    switch (transport) {
      case HTTP:
        if (httpServer == null) {
          server = EverythingServer.create();
          httpServer = StreamableHttpServer.builder(server).host("127.0.0.1").port(0).path("/mcp").start();
        }
        return HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + httpServer.port())
            .endpoint("/mcp")
            .jsonMapper(Interop.JSON)
            .build();
      case STDIO:
        List<String> command = Interop.java(Interop.testClassPath(), EverythingServer.class, "--stdio");
        StdioClientTransport stdio = new StdioClientTransport(
            ServerParameters.builder(command.get(0)).args(command.subList(1, command.size())).build(), Interop.JSON);
        stdio.setStdErrorHandler(childStderr);
        return stdio;
      default:
        throw new IllegalArgumentException(transport.name());
    }
  }

  private McpSyncClient connect(McpClientTransport transport) {
    McpSyncClient client = McpClient.sync(transport)
        .clientInfo(Implementation.builder("official-sdk-client", "2.2.0").build())
        .requestTimeout(Interop.WAIT)
        .initializationTimeout(Interop.WAIT)
        .jsonSchemaValidator(Jackson2SchemaValidator.INSTANCE)
        .capabilities(ClientCapabilities.builder().sampling().elicitation().build())
        .sampling(request -> CreateMessageResult.builder(Role.ASSISTANT,
                "you asked '" + ((TextContent) request.messages().get(0).content()).text() + "'", "official-model")
            .build())
        .elicitation(request -> new ElicitResult(ElicitResult.Action.ACCEPT,
            new TreeMap<>(Map.of("username", "ada", "email", "ada@example.com"))))
        .progressConsumer(progress::add)
        .loggingConsumer(logs::add)
        .build();
    client.initialize();
    return client;
  }

  @BeforeEach
  void forgetNotifications() {
    progress.clear();
    logs.clear();
  }

  @AfterAll
  void closeEverything() {
    try {
      clients.values().forEach(McpSyncClient::closeGracefully);
    } finally {
      if (httpServer != null) {
        httpServer.close();
        server.close();
      }
    }
    Interop.assertOnlyDaemonThreadsRemain();
  }

  private CallToolResult call(Transport transport, String tool, Map<String, Object> arguments) {
    return client(transport).callTool(CallToolRequest.builder(tool).arguments(arguments).build());
  }

  private static String text(CallToolResult result) {
    assertEquals(1, result.content().size(), result.toString());
    return assertInstanceOf(TextContent.class, result.content().get(0)).text();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void initializesAtTheNewestLegacyRevision(Transport transport) {
    InitializeResult init = client(transport).getCurrentInitializationResult();

    assertEquals("2025-11-25", init.protocolVersion(), childStderr.toString());
    assertEquals("conduit-everything-server", init.serverInfo().name());
    assertNotNull(init.capabilities().tools());
    assertNotNull(init.capabilities().resources());
    assertNotNull(init.capabilities().prompts());
    assertTrue(init.instructions().startsWith("The Conduit conformance server"), init.instructions());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void listsTheTools(Transport transport) {
    List<String> names = client(transport).listTools().tools().stream().map(Tool::name).toList();

    assertTrue(names.containsAll(List.of("test_simple_text", "test_image_content", "test_error_handling",
        "test_tool_with_progress", "test_tool_with_logging", "test_sampling", "test_elicitation")), names.toString());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void callsAToolWithATextResult(Transport transport) {
    CallToolResult result = call(transport, "test_simple_text", Map.of());

    assertNotEquals(Boolean.TRUE, result.isError());
    assertEquals("This is a simple text response for testing.", text(result));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void callsAToolWithAnImageResult(Transport transport) {
    CallToolResult result = call(transport, "test_image_content", Map.of());

    ImageContent image = assertInstanceOf(ImageContent.class, result.content().get(0));
    assertEquals("image/png", image.mimeType());
    assertTrue(image.data().startsWith("iVBORw0KGgo"), image.data());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void receivesAToolErrorAsAResult(Transport transport) {
    CallToolResult result = call(transport, "test_error_handling", Map.of());

    assertEquals(Boolean.TRUE, result.isError());
    assertEquals("This tool intentionally returns an error for testing", text(result));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void receivesAnUnknownToolAsAnInvalidParamsError(Transport transport) {
    McpError error = assertThrows(McpError.class, () -> call(transport, "no_such_tool", Map.of()));

    assertEquals(-32602, error.getJsonRpcError().code(), error.toString());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void receivesProgressNotificationsForItsToken(Transport transport) {
    String token = "progress-" + transport;

    CallToolResult result = client(transport).callTool(
        CallToolRequest.builder("test_tool_with_progress").arguments(Map.of()).progressToken(token).build());

    assertEquals("Progress test completed", text(result));
    Interop.await("three progress notifications", () -> progress.size() == 3, progress);
    assertEquals(List.of(token, token, token), progress.stream().map(ProgressNotification::progressToken).toList());
    assertEquals(List.of(0.0, 50.0, 100.0), progress.stream().map(ProgressNotification::progress).toList());
    assertEquals(List.of("Step 0", "Step 50", "Step 100"),
        progress.stream().map(ProgressNotification::message).toList());
    assertEquals(100.0, progress.get(0).total());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void receivesLogMessages(Transport transport) {
    client(transport).setLoggingLevel(LoggingLevel.INFO);

    CallToolResult result = call(transport, "test_tool_with_logging", Map.of());

    assertEquals("Logging test completed", text(result));
    Interop.await("three log messages", () -> logs.size() == 3, logs);
    assertEquals(List.of("Tool execution started", "Tool processing data", "Tool execution completed"),
        logs.stream().map(LoggingMessageNotification::data).toList());
    assertTrue(logs.stream().allMatch(log -> log.level() == LoggingLevel.INFO), logs.toString());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void answersTheServersSamplingRequest(Transport transport) {
    CallToolResult result = call(transport, "test_sampling", Map.of("prompt", "What is 2+2?"));

    assertEquals("LLM response: you asked 'What is 2+2?'", text(result), childStderr.toString());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void answersTheServersElicitationRequest(Transport transport) {
    CallToolResult result = call(transport, "test_elicitation", Map.of("message", "Who are you?"));

    assertEquals("Elicitation result: action=accept, content={\"email\":\"ada@example.com\",\"username\":\"ada\"}",
        text(result), childStderr.toString());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void readsAResource(Transport transport) {
    ReadResourceResult result =
        client(transport).readResource(ReadResourceRequest.builder("test://static-text").build());

    TextResourceContents contents = assertInstanceOf(TextResourceContents.class, result.contents().get(0));
    assertEquals("test://static-text", contents.uri());
    assertEquals("text/plain", contents.mimeType());
    assertEquals("This is the content of the static text resource.", contents.text());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void readsAResourceFromATemplate(Transport transport) {
    McpSyncClient client = client(transport);

    assertTrue(client.listResourceTemplates().resourceTemplates().stream().map(ResourceTemplate::uriTemplate)
        .anyMatch("test://template/{id}/data"::equals));
    ReadResourceResult result = client.readResource(ReadResourceRequest.builder("test://template/42/data").build());

    TextResourceContents contents = assertInstanceOf(TextResourceContents.class, result.contents().get(0));
    assertEquals("test://template/42/data", contents.uri());
    assertEquals("application/json", contents.mimeType());
    assertEquals("{\"id\":\"42\",\"templateTest\":true,\"data\":\"Data for ID: 42\"}", contents.text());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void getsAPromptWithArguments(Transport transport) {
    GetPromptResult result = client(transport).getPrompt(GetPromptRequest.builder("test_prompt_with_arguments")
        .arguments(Map.of("arg1", "one", "arg2", "two")).build());

    assertEquals(1, result.messages().size());
    assertEquals(Role.USER, result.messages().get(0).role());
    assertEquals("Prompt with arguments: arg1='one', arg2='two'",
        assertInstanceOf(TextContent.class, result.messages().get(0).content()).text());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void completesAPromptArgument(Transport transport) {
    var result = client(transport).completeCompletion(CompleteRequest.builder(
        new PromptReference("test_prompt_with_arguments"), new CompleteArgument("arg1", "test")).build());

    assertEquals(List.of("testValue1", "testValue2", "test"), result.completion().values());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void pings(Transport transport) {
    assertNotNull(client(transport).ping());
  }
}
