package dev.conduit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conduit.interop.ConformanceResults.Scenario;
import dev.conduit.samples.conformance.ConformanceClient;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Specifies that Conduit's conformance client ({@code samples/conformance}'s {@link ConformanceClient}, run as a child
 * JVM by the official MCP conformance suite 0.1.16) passes each non-auth client scenario: the CLI exits 0 and the
 * scenario's {@code checks.json} holds no FAILURE and no WARNING. The auth scenarios are a later issue, so no suite
 * that includes them runs here.
 */
class ConformanceClientTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"initialize", "tools_call", "elicitation-sep1034-client-defaults", "sse-retry"})
  void passesTheClientScenario(String scenario) {
    Path folder = Processes.folder("conformance-client/" + scenario);
    Path results = folder.resolve("results");
    Processes.Result run = Processes.run(
        NodeTools.command("conformance", "client",
            "--command", NodeTools.javaCommandLine(ConformanceClient.class.getName()),
            "--scenario", scenario, "-o", results.toString()),
        folder, NodeTools.env(), folder);

    List<Scenario> written = results.toFile().isDirectory() ? ConformanceResults.read(results) : List.of();
    assertEquals(List.of(scenario), written.stream().map(Scenario::name).toList(),
        () -> "Expected the results of scenario " + scenario + " alone\n" + run.describe());
    Scenario result = written.get(0);
    String context = "\n" + run.describe() + "\n--- the client's stdout ---\n"
        + Processes.tail(Processes.read(result.folder(), "stdout.txt")) + "\n--- the client's stderr ---\n"
        + Processes.tail(Processes.read(result.folder(), "stderr.txt"));
    if (!result.problems().isEmpty()) {
      fail("Scenario " + scenario + ":\n" + result.describeProblems() + context);
    }
    assertTrue(result.successes() > 0, () -> "Scenario " + scenario + " passed no check: "
        + result.checks().stream().map(Object::toString).collect(Collectors.joining("\n")) + context);
    assertEquals(0, run.exitCode(), () -> "conformance client failed on scenario " + scenario + context);
  }
}
