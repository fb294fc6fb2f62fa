package dev.conduit.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code checks.json} files a {@code conformance ... -o DIR} run writes: one folder per scenario,
 * {@code [server-]<scenario>-<timestamp>}, each a list of checks with a status SUCCESS, FAILURE, WARNING, SKIPPED or
 * INFO.
 */
final class ConformanceResults {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SYNTHETIC = "wire-schema-";
  private static final Pattern FOLDER =
      Pattern.compile("^(?:server-)?(.+)-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z$");

  private ConformanceResults() {}

  /** One check of one scenario. */
  record Check(String id, String status, String description, String errorMessage, String details) {

    boolean isProblem() {
      return status.equals("FAILURE") || status.equals("WARNING");
    }

    @Override
    public String toString() {
      return id + ": " + status + " - " + description + (errorMessage.isEmpty() ? "" : " - " + errorMessage)
          + (details.isEmpty() ? "" : "\n      details: " + Processes.tail(details));
    }
  }

  /** One scenario's results. */
  record Scenario(String name, Path folder, List<Check> checks) {

    List<Check> problems() {
      return checks.stream().filter(Check::isProblem).toList();
    }

    /**
     * The scenario's own checks that succeeded; the checks every scenario emits ({@code wire-schema-valid}: each
     * message met the revision's schema) do not count, so that a scenario whose own checks were all skipped passes
     * nothing.
     */
    long successes() {
      return checks.stream()
          .filter(check -> check.status().equals("SUCCESS") && !check.id().startsWith(SYNTHETIC))
          .count();
    }

    /** Every FAILURE and WARNING, one a line, naming this scenario. */
    String describeProblems() {
      return problems().stream().map(check -> "  " + name + " / " + check).collect(Collectors.joining("\n"));
    }
  }

  /** Every scenario whose results lie under {@code dir}, by name. */
  static List<Scenario> read(Path dir) {
    List<Scenario> scenarios = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(path -> path.getFileName().toString().equals("checks.json")).toList()) {
        Path folder = file.getParent();
        // Names with a slash (auth/...) become nested folders: the scenario is the path below dir.
        String relative = dir.relativize(folder).toString().replace('\\', '/');
        Matcher matcher = FOLDER.matcher(relative);
        String name = matcher.matches() ? matcher.group(1) : relative;
        scenarios.add(new Scenario(name, folder, checks(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the conformance results in " + dir, e);
    }
    scenarios.sort(Comparator.comparing(Scenario::name));
    return scenarios;
  }

  private static List<Check> checks(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    List<Check> checks = new ArrayList<>();
    for (JsonNode check : root) {
      checks.add(new Check(check.path("id").asText(), check.path("status").asText(),
          check.path("description").asText(), check.path("errorMessage").asText(""),
          check.has("details") && check.path("status").asText().matches("FAILURE|WARNING")
              ? check.get("details").toString() : ""));
    }
    return checks;
  }
}
