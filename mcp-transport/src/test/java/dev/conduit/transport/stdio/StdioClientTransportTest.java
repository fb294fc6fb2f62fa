package dev.conduit.transport.stdio;

import static dev.conduit.transport.stdio.RawPeer.WAIT_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.LoggingMessageNotificationParams;
import dev.conduit.protocol.schema.ProgressNotificationParams;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An {@link McpClient} over {@link StdioClientTransport}, talking to {@link ChildServer} in a JVM of its own. */
class StdioClientTransportTest {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** Far more than the shutdown waits these tests configure, and far less than forever. */
  private static final Duration CLOSE_BOUND = Duration.ofSeconds(40);

  private static McpClient connect(StdioClientTransport transport) {
    return McpClient.builder().transport(transport).requestTimeout(REQUEST_TIMEOUT).connect();
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  private static ProcessHandle processOf(StdioClientTransport transport) {
    ProcessHandle process = transport.process();
    assertNotNull(process);
    return process;
  }

  @Test
  void listsAndCallsToolsOfAChildServer() {
    try (McpClient client = connect(Children.transport().build())) {
      List<Tool> tools = client.listAllTools();
      assertTrue(tools.stream().anyMatch(tool -> tool.name().equals("echo")), tools.toString());
      assertEquals("hello", text(client.callTool("echo", Map.of("text", "hello"))));
    }
  }

  @Test
  void progressAndLogNotificationsArrive() throws Exception {
    List<LoggingMessageNotificationParams> logs = new CopyOnWriteArrayList<>();
    List<ProgressNotificationParams> progress = new CopyOnWriteArrayList<>();
    try (McpClient client =
        McpClient.builder().transport(Children.transport().build()).requestTimeout(REQUEST_TIMEOUT)
            .onLog(logs::add).connect()) {
      client.setLoggingLevel(LoggingLevel.DEBUG);
      CallToolResult result = client.callTool("progress", Map.of("steps", 3), RequestOptions.progress(progress::add));
      assertEquals("done", text(result));
      assertEquals(List.of(1.0, 2.0, 3.0), progress.stream().map(ProgressNotificationParams::progress).toList());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (logs.size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(List.of("step 1", "step 2", "step 3"), logs.stream().map(log -> log.data().asText()).toList());
    }
  }

  @Test
  void theChildsStderrReachesTheLogger() throws Exception {
    RecordingLogger logger = new RecordingLogger();
    try (McpClient client = connect(Children.transport().stderrLogger(logger).build())) {
      assertNotNull(logger.await(ChildServer.STARTED, WAIT_SECONDS), "startup line");
      client.callTool("stderr", Map.of("text", "a line for the log"));
      String event = logger.await("a line for the log", WAIT_SECONDS);
      assertNotNull(event, "tool's stderr line");
      assertTrue(event.startsWith("INFO [java "), event);
    }
  }

  @Test
  void aStrayPrintlnInAToolGoesToStderrNotToTheProtocol() throws Exception {
    RecordingLogger logger = new RecordingLogger();
    try (McpClient client = connect(Children.transport().stderrLogger(logger).build())) {
      assertEquals("printed", text(client.callTool("println", Map.of("text", "stray output"))));
      assertNotNull(logger.await("stray output", WAIT_SECONDS));
      // The session is intact: no garbage line reached the client.
      assertEquals("ok", text(client.callTool("echo", Map.of("text", "ok"))));
    }
  }

  @Test
  void anUnexpectedExitFailsThePendingCallAtOnceNamingTheExitCode() throws Exception {
    StdioClientTransport transport = Children.transport().build();
    try (McpClient client = connect(transport)) {
      long start = System.nanoTime();
      McpConnectionClosedException error =
          assertThrows(McpConnectionClosedException.class, () -> client.callTool("halt", Map.of("code", 3)));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(error.getMessage().contains("Server process exited with code 3"), error.getMessage());
      ProcessExitedException exit = assertInstanceOf(ProcessExitedException.class, error.getCause());
      assertEquals(3, exit.exitCode());
      assertTrue(took.compareTo(REQUEST_TIMEOUT.dividedBy(2)) < 0, "took " + took);
      // Later calls fail at once too.
      assertThrows(McpConnectionClosedException.class, () -> client.callTool("echo", Map.of("text", "x")));
      // A supervisor waiting to restart the server hears that it is gone.
      transport.stopped().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  @Test
  void aChildThatIgnoresStdinEofIsTerminatedWithinTheBoundOnClose() {
    StdioClientTransport transport =
        Children.transport("ignore-eof").exitTimeout(Duration.ofMillis(500)).terminateTimeout(Duration.ofSeconds(20))
            .build();
    McpClient client = connect(transport);
    ProcessHandle process = processOf(transport);
    // Bounded by the exit timeout plus the time SIGTERM takes; a hang would mean the bounds are not applied.
    assertTimeoutPreemptively(CLOSE_BOUND, client::close);
    assertFalse(process.isAlive(), "still running after close");
  }

  @Test
  void aChildThatIgnoresTerminationIsKilledOnClose() {
    StdioClientTransport transport =
        Children.transport("ignore-term").exitTimeout(Duration.ofMillis(500)).terminateTimeout(Duration.ofMillis(500))
            .build();
    McpClient client = connect(transport);
    ProcessHandle process = processOf(transport);
    assertTimeoutPreemptively(CLOSE_BOUND, client::close);
    assertFalse(process.isAlive(), "still running after close");
  }

  @Test
  void aWellBehavedChildHasExitedWhenCloseReturns() {
    StdioClientTransport transport = Children.transport().build();
    McpClient client = connect(transport);
    ProcessHandle process = processOf(transport);
    client.close();
    assertFalse(process.isAlive(), "still running after close");
  }

  @Test
  void concurrentCallsFromSeveralThreadsAreAllAnswered() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try (McpClient client = connect(Children.transport().build())) {
      List<Future<?>> calls = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        int t = thread;
        calls.add(callers.submit(() -> {
          for (int i = 0; i < 50; i++) {
            String text = "thread " + t + " call " + i;
            assertEquals(text, text(client.callTool("echo", Map.of("text", text))));
          }
          return null;
        }));
      }
      for (Future<?> call : calls) {
        call.get(WAIT_SECONDS * 2, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void environmentAndWorkingDirectoryReachTheChild(@TempDir Path directory) throws Exception {
    StdioClientTransport transport =
        Children.transport().env("CONDUIT_TEST_GIVEN", "given value").directory(directory).build();
    try (McpClient client = connect(transport)) {
      assertEquals("given value", text(client.callTool("env", Map.of("name", "CONDUIT_TEST_GIVEN"))));
      Path cwd = Path.of(text(client.callTool("cwd", null)));
      assertTrue(Files.isSameFile(directory, cwd), cwd.toString());
      assertEquals("from-parent", text(client.callTool("env", Map.of("name", "CONDUIT_TEST_INHERITED"))));
    }
  }

  @Test
  void withoutInheritanceTheChildSeesOnlyWhatItIsGiven() {
    StdioClientTransport transport =
        Children.transport().inheritEnvironment(false).env("CONDUIT_TEST_GIVEN", "given value").build();
    try (McpClient client = connect(transport)) {
      assertEquals("<unset>", text(client.callTool("env", Map.of("name", "CONDUIT_TEST_INHERITED"))));
      assertEquals("given value", text(client.callTool("env", Map.of("name", "CONDUIT_TEST_GIVEN"))));
    }
  }

  @Test
  void aCommandThatCannotStartIsAClearError(@TempDir Path directory) {
    String missing = directory.resolve("no-such-server").toString();
    McpConnectionClosedException error =
        assertThrows(McpConnectionClosedException.class, () -> connect(StdioClientTransport.command(missing)));
    assertTrue(error.getMessage().contains("Cannot start server process"), error.getMessage());
  }
}
