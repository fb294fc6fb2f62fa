package dev.conduit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conduit.interop.ConformanceResults.Scenario;
import dev.conduit.samples.conformance.ConformanceClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Specifies that Conduit's conformance client ({@code samples/conformance}'s {@link ConformanceClient}, run as a
 * child JVM for each scenario by the official MCP conformance suite 0.2.0-alpha.12) passes the client side of both
 * revisions: {@code client --requirements 2025-11-25} and {@code --requirements 2026-07-28}, each of which also runs
 * its unscored scenarios, and, at each revision's wire, the extension scenarios no set names (the skills host, {@code
 * sep-2640-client-*}), one by one. Each CLI run exits 0 and every scenario's {@code checks.json} holds no FAILURE and
 * no WARNING.
 *
 * <p>The one baseline ({@code conformance-client-baseline.yml}, passed as {@code --expected-failures}) lists the
 * authorization scenarios ({@code auth/*}), each with its reason: authorization is issue 12. They run, and are
 * reported as skipped tests; the suite fails the run if one of them starts passing while still listed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceClientTest {

  /** The client extension scenarios that no requirement set names. */
  static final List<String> EXTENSIONS = List.of("sep-2640-client-no-prefetch", "sep-2640-client-verify-digest",
      "sep-2640-client-verify-size", "sep-2640-client-verify-frontmatter");

  private static final String BASELINE = "conformance-client-baseline.yml";
  private static final Pattern ENTRY = Pattern.compile("^\\s*-\\s*(\\S+)\\s*#\\s*(.+)$");
  private static final Pattern PLANNED = Pattern.compile("Running requirements (\\S+) \\((\\d+) scenarios\\)");

  private final Map<String, Processes.Result> runs = new LinkedHashMap<>();
  private final Map<String, List<Scenario>> results = new LinkedHashMap<>();
  private Map<String, String> baseline = Map.of();

  @BeforeAll
  void runTheSuite() {
    Path baselineFile = baselineFile();
    baseline = baseline(baselineFile);
    for (String revision : ServerSuite.REVISIONS) {
      run(revision, List.of("--requirements", revision, "--expected-failures", baselineFile.toString()));
    }
    for (String revision : ServerSuite.REVISIONS) {
      for (String scenario : EXTENSIONS) {
        // Extensions are not on the spec's timeline: --force runs them at the revision's wire all the same.
        run(revision + " " + scenario, List.of("--scenario", scenario, "--spec-version", revision, "--force"));
      }
    }
  }

  @TestFactory
  Stream<DynamicNode> eachRun() {
    return runs.keySet().stream().map(name -> DynamicContainer.dynamicContainer(name, Stream.concat(
        Stream.of(DynamicTest.dynamicTest("the CLI exits 0", () -> theCliExitsZero(name)),
            DynamicTest.dynamicTest("every scenario of the run wrote its results", () -> everyScenarioWrote(name))),
        results.get(name).stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(),
            () -> passes(name, scenario))))));
  }

  private void run(String name, List<String> selection) {
    Path folder = Processes.folder("conformance-client/" + name.replace(' ', '-'));
    Path output = folder.resolve("results");
    List<String> command = new ArrayList<>(NodeTools.command("conformance", "client",
        "--command", NodeTools.javaCommandLine(ConformanceClient.class.getName()), "-o", output.toString()));
    command.addAll(selection);
    runs.put(name, Processes.run(command, folder, NodeTools.env(), folder));
    results.put(name, output.toFile().isDirectory() ? ConformanceResults.read(output) : List.of());
  }

  private void theCliExitsZero(String name) {
    Processes.Result run = runs.get(name);
    String unexpected = results.get(name).stream()
        .filter(scenario -> !baseline.containsKey(scenario.name()) && !scenario.problems().isEmpty())
        .map(Scenario::describeProblems).collect(Collectors.joining("\n"));
    assertEquals(0, run.exitCode(), () -> "conformance client failed:\n" + unexpected + "\n" + run.describe());
  }

  private void everyScenarioWrote(String name) {
    Processes.Result run = runs.get(name);
    List<Scenario> written = results.get(name);
    String extension = name.substring(name.indexOf(' ') + 1);
    if (EXTENSIONS.contains(extension)) {
      assertEquals(List.of(extension), written.stream().map(Scenario::name).toList(), run::describe);
      return;
    }
    Matcher planned = PLANNED.matcher(run.stdout() + run.stderr());
    assertTrue(planned.find(), () -> "The CLI did not say how many scenarios it runs:\n" + run.describe());
    assertEquals(Integer.parseInt(planned.group(2)), written.size(),
        () -> "Scenarios with results: " + written.stream().map(Scenario::name).toList() + "\n" + run.describe());
  }

  private void passes(String name, Scenario scenario) {
    String reason = baseline.get(scenario.name());
    Assumptions.assumeTrue(reason == null, () -> "Expected to fail (" + BASELINE + "): " + reason);
    String context = "\n--- the client's stdout ---\n" + Processes.tail(Processes.read(scenario.folder(), "stdout.txt"))
        + "\n--- the client's stderr ---\n" + Processes.tail(Processes.read(scenario.folder(), "stderr.txt"));
    if (!scenario.problems().isEmpty()) {
      fail("Scenario " + scenario.name() + " of " + name + ":\n" + scenario.describeProblems() + context);
    }
    assertTrue(scenario.successes() > 0, () -> "Scenario " + scenario.name() + " passed no check: "
        + scenario.checks().stream().map(Object::toString).collect(Collectors.joining("\n")) + context);
  }

  private static Path baselineFile() {
    try {
      return Path.of(ConformanceClientTest.class.getResource("/" + BASELINE).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("No " + BASELINE + " on the test class path", e);
    }
  }

  /** The baselined scenarios and their reasons; every entry must give one. */
  private static Map<String, String> baseline(Path file) {
    Map<String, String> entries = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.trim().startsWith("-")) {
          Matcher entry = ENTRY.matcher(line);
          assertTrue(entry.matches(), () -> BASELINE + ": an entry without its reason: " + line);
          entries.put(entry.group(1), entry.group(2).trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertFalse(entries.isEmpty(), BASELINE + " lists nothing");
    entries.keySet().forEach(scenario -> assertTrue(scenario.startsWith("auth/"),
        () -> BASELINE + " may list authorization scenarios only, not " + scenario));
    return entries;
  }
}
