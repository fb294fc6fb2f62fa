package dev.conduit.awx.tools.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells why a job failed, from its failed events and the end of its output: the first category whose patterns
 * match, with the lines that matched as evidence.
 */
public final class FailureClassifier {

  /** The categories, in the order they are tried (the most specific first). */
  private static final Map<String, Pattern> RULES = new LinkedHashMap<>();

  private static final Map<String, String> ADVICE = new LinkedHashMap<>();

  static {
    rule("unreachable_host",
        "(?i)(unreachable|failed to connect to the host|could not resolve hostname|no route to host|"
            + "connection refused|connection timed out during banner)",
        "The host could not be reached over SSH/WinRM: check the inventory address, network and firewall.");
    rule("authentication",
        "(?i)(authentication fail|permission denied \\(publickey|invalid credentials|incorrect password|"
            + "incorrect sudo password|missing sudo password|a password is required|login failed)",
        "The credentials were rejected: check the machine credential (user, key, become password).");
    rule("permission_denied",
        "(?i)(permission denied|not permitted|access denied|insufficient privileges|are you root)",
        "The remote user lacks rights: check become / sudo settings and file permissions.");
    rule("undefined_variable",
        "(?i)(is undefined|undefined variable|'[^']+' is not defined|variables_needed_to_start)",
        "A variable is missing: pass it in extra_vars, the survey, or the inventory / group vars.");
    rule("syntax_error",
        "(?i)(syntax error|could not find expected|yaml|is not a valid attribute|conflicting action statements|"
            + "couldn't resolve module/action|the error appears to be in)",
        "The playbook does not parse or names an unknown module: fix it in the project and sync it.");
    rule("timeout",
        "(?i)(timed out|timeout|job terminated due to timeout)",
        "Something ran out of time: raise the task / job timeout or look for a hung command.");
    rule("module_failure",
        "(?i)(module failure|non-zero return code|fatal: \\[|failed: \\[|\"failed\": true|rc=[1-9])",
        "A task's module failed on the host: read its stderr / msg in the evidence.");
  }

  private static void rule(String category, String regex, String advice) {
    RULES.put(category, Pattern.compile(regex));
    ADVICE.put(category, advice);
  }

  /** The classification. */
  public record Verdict(String category, String advice, List<String> evidence, Set<String> failedHosts,
      Set<String> failedTasks) {}

  private FailureClassifier() {}

  /** Classifies from the failed events (AWX job events) and the tail of the output. */
  public static Verdict classify(Iterable<JsonNode> failedEvents, List<String> stdoutTail) {
    List<String> lines = new ArrayList<>();
    Set<String> hosts = new LinkedHashSet<>();
    Set<String> tasks = new LinkedHashSet<>();
    for (JsonNode event : failedEvents) {
      if (!event.path("host_name").asText("").isEmpty()) {
        hosts.add(event.path("host_name").asText());
      }
      if (!event.path("task").asText("").isEmpty()) {
        tasks.add(event.path("task").asText());
      }
      if (event.path("event").asText("").equals("runner_on_unreachable")) {
        lines.add("UNREACHABLE: " + event.path("host_name").asText("?"));
      }
      JsonNode res = event.path("event_data").path("res");
      for (String field : List.of("msg", "stderr", "module_stderr", "reason")) {
        String text = res.path(field).asText("");
        if (!text.isBlank()) {
          text.lines().filter(line -> !line.isBlank()).limit(5).forEach(lines::add);
        }
      }
      String stdout = event.path("stdout").asText("");
      stdout.lines().filter(line -> !line.isBlank()).limit(3).forEach(lines::add);
    }
    stdoutTail.stream().filter(line -> !line.isBlank()).forEach(lines::add);
    for (Map.Entry<String, Pattern> rule : RULES.entrySet()) {
      List<String> evidence = new ArrayList<>();
      for (String line : lines) {
        if (rule.getValue().matcher(line).find() && !evidence.contains(line.strip())) {
          evidence.add(line.strip());
        }
        if (evidence.size() == 5) {
          break;
        }
      }
      if (!evidence.isEmpty()) {
        return new Verdict(rule.getKey(), ADVICE.get(rule.getKey()), evidence, hosts, tasks);
      }
    }
    List<String> last = lines.size() > 5 ? lines.subList(lines.size() - 5, lines.size()) : lines;
    return new Verdict("unknown", "No known pattern matched: read the evidence and the full output.",
        List.copyOf(last), hosts, tasks);
  }
}
