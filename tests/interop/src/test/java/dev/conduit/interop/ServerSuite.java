package dev.conduit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conduit.interop.ConformanceResults.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The official MCP conformance suite 0.1.16, {@code server --suite all} (the active scenarios and the pending ones),
 * against the Streamable HTTP endpoint a subclass starts: the CLI exits 0, and every scenario's {@code checks.json}
 * holds no FAILURE and no WARNING, with no expected-failures baseline. The suite runs once per class; each scenario
 * is then a test of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerSuite {

  private static final Pattern PLANNED = Pattern.compile("Running all suite \\((\\d+) scenarios\\)");

  private Processes.@Nullable Result run;
  private List<Scenario> scenarios = List.of();

  /** Starts the server under test and returns its MCP endpoint's URL. */
  abstract String start() throws Exception;

  /** Stops what {@link #start} started. */
  abstract void stop() throws Exception;

  /** A name for this run's folder of results. */
  abstract String name();

  /**
   * Scenarios this server passes without any check succeeding: they report nothing but INFO because what they
   * test does not happen here (none by default).
   */
  Set<String> informationalOnly() {
    return Set.of();
  }

  @BeforeAll
  void runTheSuite() throws Exception {
    String url = start();
    Path folder = Processes.folder(name());
    Path results = folder.resolve("results");
    run = Processes.run(NodeTools.command("conformance", "server", "--url", url, "--suite", "all", "-o",
        results.toString()), folder, NodeTools.env(), folder);
    scenarios = results.toFile().isDirectory() ? ConformanceResults.read(results) : List.of();
  }

  @AfterAll
  void stopTheServer() throws Exception {
    stop();
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
      if (!informationalOnly().contains(scenario.name())) {
        assertTrue(scenario.successes() > 0, () -> "Scenario " + scenario.name() + " passed no check: "
            + scenario.checks());
      }
    }));
  }

  private Processes.Result result() {
    if (run == null) {
      fail("The conformance suite did not run");
    }
    return run;
  }

  private String problems() {
    StringBuilder text = new StringBuilder();
    for (Scenario scenario : scenarios) {
      if (!scenario.problems().isEmpty()) {
        text.append(scenario.describeProblems()).append('\n');
      }
    }
    return text.length() == 0 ? "(no FAILURE or WARNING in checks.json)" : text.toString();
  }
}
