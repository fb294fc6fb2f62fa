package dev.conduit.interop.official;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.conduit.interop.official.Interop.Stderr;
import dev.conduit.interop.official.Interop.Transport;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.CompleteRequestParams;
import dev.conduit.protocol.schema.CreateMessageResult;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.LoggingMessageNotificationParams;
import dev.conduit.protocol.schema.ProgressNotificationParams;
import dev.conduit.protocol.schema.PromptReference;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.Role;
import dev.conduit.protocol.schema.SamplingContent;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
import dev.conduit.transport.stdio.StdioClientTransport;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conduit's {@link McpClient} against a server built with the official MCP Java SDK 2.2.0 ({@link
 * OfficialServerFeatures}), over Streamable HTTP (the SDK's servlet provider in embedded Tomcat) and over stdio (a
 * child JVM running {@link OfficialStdioServer}).
 *
 * <p>Specifies that a client left to detect the era ({@code AUTO}) falls back from {@code server/discover} to
 * {@code initialize} against a server that only knows the stateful revisions, and then that every feature the
 * official server offers works through Conduit's client: tools (results, tool errors, protocol errors), resources,
 * templates, prompts, completions, ping, progress and log notifications, and the server's sampling and elicitation
 * requests, answered by the client's handlers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConduitClientToOfficialServerTest {

  private final Map<Transport, McpClient> clients = new EnumMap<>(Transport.class);
  private final List<LoggingMessageNotificationParams> logs = new CopyOnWriteArrayList<>();
  private final Stderr childStderr = new Stderr("official stdio server");
  private OfficialHttpServer httpServer;

  private McpClient client(Transport transport) {
    return clients.computeIfAbsent(transport, t -> connect(transport(t)));
  }

  private McpTransport transport(Transport transport) {
    try {
      switch (transport) {
        case HTTP:
          if (httpServer == null) {
            httpServer = OfficialHttpServer.start();
          }
          return StreamableHttpClientTransport.create(httpServer.url());
        case STDIO:
          return stdio().build();
        default:
          throw new IllegalArgumentException(transport.name());
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the official server over " + transport, e);
    }
  }

  private StdioClientTransport.Builder stdio() {
    return StdioClientTransport.builder(Interop.java(
            Interop.classPathFor(OfficialStdioServer.class, OfficialStdioServer.CLASS_PATH_GROUPS),
            OfficialStdioServer.class))
        .onStderr(childStderr)
        .exitTimeout(Interop.WAIT);
  }

  private McpClient connect(McpTransport transport) {
    return McpClient.builder()
        .transport(transport)
        .info("conduit-interop-client", "1.0.0")
        .requestTimeout(Interop.WAIT)
        .sampling(request -> CreateMessageResult.of(Role.ASSISTANT,
            SamplingContent.of(TextContent.of("you asked '" + request.messages().get(0).content().text() + "'")),
            "conduit-test-model"))
        .elicitation(request -> {
          String message = ((ElicitRequestFormParams) request).message();
          return ElicitResult.accept(JsonNodeFactory.instance.objectNode().put("name", "Ada (" + message + ")"));
        })
        .onLog(logs::add)
        .connect();
  }

  @BeforeEach
  void forgetLogs() {
    logs.clear();
  }

  @AfterAll
  void closeEverything() {
    try {
      clients.values().forEach(McpClient::close);
    } finally {
      if (httpServer != null) {
        httpServer.close();
      }
    }
    Interop.assertOnlyDaemonThreadsRemain();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void detectsTheLegacyEraByFallingBackToInitialize(Transport transport) {
    McpClient client = client(transport);

    assertFalse(client.isModern(), childStderr.toString());
    assertEquals(ProtocolVersion.latestLegacy(), client.protocolVersion());
    assertNotNull(client.serverInfo());
    assertEquals(OfficialServerFeatures.NAME, client.serverInfo().name());
    assertEquals("The official SDK's side of Conduit's interoperability tests.", client.instructions());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void listsTheTools(Transport transport) {
    List<String> names = client(transport).listAllTools().stream().map(Tool::name).toList();

    assertEquals(List.of("echo", "fail", "count", "log", "ask_model", "ask_user"), names);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void callsATool(Transport transport) {
    CallToolResult result = client(transport).callTool("echo", Map.of("text", "hello"));

    assertFalse(result.failed());
    assertEquals(List.of(TextContent.of("echo: hello")), result.content());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void receivesAToolErrorAsAResult(Transport transport) {
    CallToolResult result = client(transport).callTool("fail", Map.of());

    assertTrue(result.failed());
    assertEquals(List.of(TextContent.of("failed on purpose")), result.content());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void receivesArgumentsThatBreakTheToolsSchemaAsAToolError(Transport transport) {
    CallToolResult result = client(transport).callTool("echo", Map.of("text", 42));

    assertTrue(result.failed(), result.toString());
    String message = ((TextContent) result.content().get(0)).text();
    assertTrue(message.contains("input validation failed") && message.contains("/text"), message);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void receivesAnUnknownToolAsAnInvalidParamsError(Transport transport) {
    McpException error = assertThrows(McpException.class, () -> client(transport).callTool("no_such_tool", Map.of()));

    assertEquals(ErrorCodes.INVALID_PARAMS, error.code(), error.toString());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void receivesProgressForItsCall(Transport transport) {
    List<ProgressNotificationParams> progress = new CopyOnWriteArrayList<>();

    CallToolResult result = client(transport).callTool("count", Map.of(), RequestOptions.progress(progress::add));

    assertEquals(List.of(TextContent.of("counted to 3")), result.content());
    Interop.await("three progress notifications", () -> progress.size() == 3, progress);
    assertEquals(List.of(1.0, 2.0, 3.0), progress.stream().map(ProgressNotificationParams::progress).toList());
    assertEquals(List.of("step 1", "step 2", "step 3"),
        progress.stream().map(ProgressNotificationParams::message).toList());
    assertEquals(3.0, progress.get(0).total());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void receivesLogMessages(Transport transport) {
    McpClient client = client(transport);
    client.setLoggingLevel(LoggingLevel.INFO);

    client.callTool("log", Map.of());

    Interop.await("two log messages", () -> logs.size() == 2, logs);
    assertEquals(List.of(LoggingLevel.INFO, LoggingLevel.WARNING),
        logs.stream().map(LoggingMessageNotificationParams::level).toList());
    assertEquals(List.of("first step", "second step"), logs.stream().map(l -> l.data().asText()).toList());
    assertEquals("official", logs.get(0).logger());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void answersTheServersSamplingRequest(Transport transport) {
    CallToolResult result = client(transport).callTool("ask_model", Map.of("text", "2+2?"));

    assertEquals(List.of(TextContent.of("model said: you asked '2+2?' (conduit-test-model)")), result.content(),
        childStderr.toString());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void answersTheServersElicitationRequest(Transport transport) {
    CallToolResult result = client(transport).callTool("ask_user", Map.of());

    assertEquals(List.of(TextContent.of("user accept: {name=Ada (What is your name?)}")), result.content(),
        childStderr.toString());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void readsAResource(Transport transport) {
    ReadResourceResult result = client(transport).readResource(OfficialServerFeatures.README_URI);

    assertEquals(List.of(TextResourceContents.of(OfficialServerFeatures.README_URI, "text/plain",
        OfficialServerFeatures.README_TEXT)), result.contents());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void readsAResourceFromATemplate(Transport transport) {
    McpClient client = client(transport);

    assertEquals(List.of("test://official/items/{id}"),
        client.listAllResourceTemplates().stream().map(t -> t.uriTemplate()).toList());
    ReadResourceResult result = client.readResource("test://official/items/42");

    assertEquals(List.of(TextResourceContents.of("test://official/items/42", "text/plain", "item 42")),
        result.contents());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void getsAPromptWithArguments(Transport transport) {
    GetPromptResult result = client(transport).getPrompt("greet", Map.of("name", "Grace"));

    assertEquals("A greeting", result.description());
    assertEquals(1, result.messages().size());
    assertEquals(Role.USER, result.messages().get(0).role());
    assertEquals(TextContent.of("Hello, Grace!"), result.messages().get(0).content());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void completesAPromptArgument(Transport transport) {
    var result = client(transport).complete(CompleteRequestParams.of(PromptReference.of("greet"), "name", "A"));

    assertEquals(List.of("Ada", "Alan"), result.completion().values());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void pings(Transport transport) {
    client(transport).ping();
  }

  @Test
  void theStdioServerExitsByItselfWhenItsStdinCloses() {
    Stderr stderr = new Stderr("official stdio server (exit test)");
    StdioClientTransport transport = stdio().onStderr(stderr).build();
    McpClient client = connect(transport);
    client.ping();

    client.close();

    Interop.await("the server's own exit", () -> stderr.toString().contains(OfficialStdioServer.EXITING), stderr);
    ProcessHandle process = transport.process();
    assertNotNull(process);
    assertFalse(process.isAlive());
  }
}
