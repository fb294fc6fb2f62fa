package dev.conduit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conduit.interop.ConformanceResults.Scenario;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.samples.conformance.EverythingServer;
import dev.conduit.transport.http.StreamableHttpServer;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.jspecify.annotations.Nullable;

/**
 * Specifies that Conduit's conformance "everything" server (the {@code samples/conformance} fixtures on Streamable
 * HTTP, bound to 127.0.0.1) passes the official MCP conformance suite 0.1.16, {@code --suite all} (the active
 * scenarios and the pending ones): the CLI exits 0, and every scenario's {@code checks.json} holds no FAILURE and no
 * WARNING, with no expected-failures baseline. The suite runs once; each scenario is then its own test.
 */
class ConformanceServerTest {

  private static final Pattern PLANNED = Pattern.compile("Running all suite \\((\\d+) scenarios\\)");

  private static @Nullable McpServer server;
  private static @Nullable StreamableHttpServer http;
  private static Processes.@Nullable Result run;
  private static List<Scenario> scenarios = List.of();

  @BeforeAll
  static void runTheSuite() {
    server = EverythingServer.create();
    http = StreamableHttpServer.builder(server).host("127.0.0.1").port(0).path("/mcp").start();
    Path folder = Processes.folder("conformance-server");
    Path results = folder.resolve("results");
    run = Processes.run(
        NodeTools.command("conformance", "server", "--url", "http://localhost:" + http.port() + "/mcp",
            "--suite", "all", "-o", results.toString()),
        folder, NodeTools.env(), folder);
    scenarios = results.toFile().isDirectory() ? ConformanceResults.read(results) : List.of();
  }

  @AfterAll
  static void stopTheServer() {
    if (http != null) {
      http.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theCliExitsZero() {
    assertEquals(0, result().exitCode(),
        () -> "conformance server failed:\n" + problems() + "\n" + result().describe());
  }

  @Test
  void everyScenarioOfTheSuiteWroteItsResults() {
    Matcher planned = PLANNED.matcher(result().stdout());
    assertTrue(planned.find(), () -> "The CLI did not say how many scenarios it runs:\n" + result().describe());
    assertEquals(Integer.parseInt(planned.group(1)), scenarios.size(),
        () -> "Scenarios with results: " + scenarios.stream().map(Scenario::name).toList() + "\n"
            + result().describe());
  }

  @TestFactory
  Stream<DynamicTest> eachScenarioPassesWithNeitherFailuresNorWarnings() {
    assertFalse(scenarios.isEmpty(), () -> "The suite wrote no results:\n" + result().describe());
    return scenarios.stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
      if (!scenario.problems().isEmpty()) {
        fail("Scenario " + scenario.name() + " (" + scenario.folder() + "):\n" + scenario.describeProblems());
      }
      assertTrue(scenario.successes() > 0, () -> "Scenario " + scenario.name() + " passed no check: "
          + scenario.checks());
    }));
  }

  private static Processes.Result result() {
    if (run == null) {
      fail("The conformance suite did not run");
    }
    return run;
  }

  private static String problems() {
    StringBuilder text = new StringBuilder();
    for (Scenario scenario : scenarios) {
      if (!scenario.problems().isEmpty()) {
        text.append(scenario.describeProblems()).append('\n');
      }
    }
    return text.length() == 0 ? "(no FAILURE or WARNING in checks.json)" : text.toString();
  }
}
