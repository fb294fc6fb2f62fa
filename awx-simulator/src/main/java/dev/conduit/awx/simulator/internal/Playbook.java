package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a simulated playbook run does, decided when the job is created so that it is deterministic: its events, its
 * output lines and each host's result. The failure rules are the README's:
 * <ul>
 *   <li>{@code extra_vars} {@code simulate_failure: true}: every host fails the last task;</li>
 *   <li>{@code extra_vars} {@code fail_hosts: "a,b"}: those hosts fail the last task;</li>
 *   <li>a playbook whose file name contains {@code fail}: the last targeted host (by name) fails the last task;</li>
 *   <li>{@code extra_vars} {@code simulate_unreachable: "a"}: that host is unreachable at fact gathering;</li>
 *   <li>{@code extra_vars} {@code simulate_hang: true}: the job stays running until it is canceled;</li>
 *   <li>{@code extra_vars} {@code simulate_output_lines: N}: N extra lines of verbose output (for large output).</li>
 * </ul>
 */
final class Playbook {

  static final String GREEN = "\u001b[0;32m";
  static final String YELLOW = "\u001b[0;33m";
  static final String RED = "\u001b[0;31m";
  static final String RESET = "\u001b[0m";
  /** The playbook AWX runs to sync a project. */
  static final String PROJECT_UPDATE = "project_update.yml";

  /**
   * One event to emit.
   *
   * @param event the event type, such as {@code runner_on_ok}
   * @param host the host name, or null for playbook-level events
   * @param play the play name
   * @param task the task name, empty outside tasks
   * @param lines the stdout lines of the event (with ANSI colour codes)
   * @param failed whether this event is a failure
   * @param changed whether the host changed
   * @param res the module result ({@code event_data.res}), or null
   */
  record Step(String event, @Nullable String host, String play, String task, List<String> lines, boolean failed,
      boolean changed, @Nullable ObjectNode res) {}

  /** The per-host counts of {@code playbook_on_stats} and {@code job_host_summaries}. */
  static final class HostResult {
    int ok;
    int changed;
    int failures;
    int dark;
    int skipped;

    boolean failed() {
      return failures > 0 || dark > 0;
    }
  }

  /**
   * A whole run.
   *
   * @param steps the events in order
   * @param hosts each targeted host's result, by name
   * @param hang whether the job waits for a cancel instead of finishing
   * @param fails whether the run fails whatever its hosts do (a sync that cannot read its source)
   */
  record Plan(List<Step> steps, Map<String, HostResult> hosts, boolean hang, boolean fails) {

    /** A run that ends as soon as it starts: no events, no hosts. */
    static Plan empty() {
      return new Plan(List.of(), Map.of(), false, false);
    }

    boolean failed() {
      return fails || hosts.values().stream().anyMatch(HostResult::failed);
    }
  }

  private Playbook() {}

  /** The run of {@code playbook} against {@code hosts} (already limited), with the job's extra variables. */
  static Plan plan(String playbook, List<String> hosts, ObjectNode extraVars, boolean check) {
    List<Step> steps = new ArrayList<>();
    Map<String, HostResult> results = new LinkedHashMap<>();
    hosts.forEach(h -> results.put(h, new HostResult()));
    Set<String> failing = failingHosts(playbook, hosts, extraVars);
    Set<String> unreachable = csv(extraVars.get("simulate_unreachable"));
    String play = "Simulated play: " + playbook;
    steps.add(new Step("playbook_on_start", null, "", "", List.of(), false, false, null));
    steps.add(new Step("playbook_on_play_start", null, play, "", List.of("",
        "PLAY [" + play + "] " + stars(play.length() + 7)), false, false, null));
    if (hosts.isEmpty()) {
      steps.add(new Step("playbook_on_no_hosts_matched", null, play, "",
          List.of("skipping: no hosts matched"), false, false, null));
    }
    List<String> tasks = tasks(playbook);
    Set<String> gone = new HashSet<>();
    for (int t = 0; t < tasks.size() && !hosts.isEmpty(); t++) {
      String task = tasks.get(t);
      boolean last = t == tasks.size() - 1;
      steps.add(new Step("playbook_on_task_start", null, play, task,
          List.of("", "TASK [" + task + "] " + stars(task.length() + 7)), false, false, null));
      for (String host : hosts) {
        if (gone.contains(host)) {
          continue;
        }
        HostResult result = results.get(host);
        if (t == 0 && unreachable.contains(host)) {
          gone.add(host);
          result.dark++;
          ObjectNode res = Json.of("msg", "Failed to connect to the host via ssh: ssh: connect to host " + host
              + " port 22: Connection timed out", "unreachable", true, "changed", false);
          steps.add(new Step("runner_on_unreachable", host, play, task, List.of(RED + "fatal: [" + host
              + "]: UNREACHABLE! => " + Json.text(res) + RESET), true, false, res));
        } else if (last && failing.contains(host)) {
          gone.add(host);
          result.failures++;
          ObjectNode res = Json.of("msg", "Simulated failure of task '" + task + "' on " + host, "changed", false,
              "rc", 1, "stderr", "simulated error: the task failed on purpose", "stdout", "");
          steps.add(new Step("runner_on_failed", host, play, task, List.of(RED + "fatal: [" + host
              + "]: FAILED! => " + Json.text(res) + RESET), true, false, res));
        } else {
          boolean changed = !check && t > 0 && last;
          result.ok++;
          if (changed) {
            result.changed++;
          }
          ObjectNode res = Json.of("changed", changed, "msg", t == 0 ? "" : "ok");
          String colour = changed ? YELLOW : GREEN;
          steps.add(new Step("runner_on_ok", host, play, task,
              List.of(colour + (changed ? "changed" : "ok") + ": [" + host + "]" + RESET), false, changed, res));
        }
      }
    }
    JsonNode extraLines = extraVars.get("simulate_output_lines");
    if (extraLines != null && extraLines.canConvertToInt()) {
      List<String> lines = new ArrayList<>();
      for (int i = 1; i <= extraLines.asInt(); i++) {
        lines.add("simulated output line " + i + " of " + extraLines.asInt());
      }
      steps.add(new Step("verbose", null, play, "", lines, false, false, null));
    }
    steps.add(new Step("playbook_on_stats", null, play, "", recap(results), false, false, null));
    return new Plan(steps, results, truthy(extraVars.get("simulate_hang")), false);
  }

  private static Set<String> failingHosts(String playbook, List<String> hosts, ObjectNode extraVars) {
    Set<String> failing = new HashSet<>(csv(extraVars.get("fail_hosts")));
    if (truthy(extraVars.get("simulate_failure"))) {
      failing.addAll(hosts);
    }
    if (playbook.toLowerCase(Locale.ROOT).contains("fail") && !hosts.isEmpty()) {
      failing.add(hosts.stream().sorted().reduce((a, b) -> b).orElseThrow());
    }
    return failing;
  }

  /**
   * An inventory sync, which AWX runs as {@code ansible-inventory} rather than a playbook: verbose lines only, the
   * hosts and groups it found, or an error when it fails.
   */
  static Plan inventorySync(String sourcePath, int hosts, int groups, boolean fail) {
    String path = "/runner/project/" + (sourcePath.isBlank() ? "inventory" : sourcePath);
    List<String> lines = new ArrayList<>(List.of(
        "ansible-inventory [core 2.15.12]",
        "  config file = None",
        "  configured module search path = ['/runner/.ansible/plugins/modules']",
        "  python version = 3.9.18",
        "Using inventory plugin 'ansible.builtin.ini' to process inventory source '" + path + "'"));
    if (fail) {
      lines.add(RED + "[WARNING]:  * Failed to parse " + path + " with ini plugin: simulated parse error" + RESET);
      lines.add(RED + "ERROR! No inventory was parsed, please check your configuration and options." + RESET);
    } else {
      lines.add("Parsed " + path + " inventory source with ini plugin");
      lines.add("    " + hosts + " hosts and " + groups + " groups");
      lines.add("Loaded " + groups + " groups, " + hosts + " hosts");
      lines.add("Inventory import completed for source in 0.2s");
    }
    List<Step> steps = new ArrayList<>();
    for (String line : lines) {
      steps.add(new Step("verbose", null, "", "", List.of(line), false, false, null));
    }
    return new Plan(steps, Map.of(), false, fail);
  }

  private static List<String> tasks(String playbook) {
    if (playbook.equals(PROJECT_UPDATE)) {
      return List.of("Update project using git", "Set the git repository version", "Repository Version");
    }
    String base = playbook.replaceAll("\\.ya?ml$", "").replaceAll(".*/", "").replace('_', ' ').replace('-', ' ');
    String title = base.isEmpty() ? "Run" : Character.toUpperCase(base.charAt(0)) + base.substring(1);
    return List.of("Gathering Facts", title, "Verify " + base);
  }

  private static List<String> recap(Map<String, HostResult> results) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("PLAY RECAP " + stars(11));
    results.forEach((host, r) -> {
      String colour = r.failed() ? RED : r.changed > 0 ? YELLOW : GREEN;
      lines.add(colour + String.format(Locale.ROOT, "%-26s", host) + RESET + " : "
          + String.format(Locale.ROOT, "ok=%-4d changed=%-4d unreachable=%-4d failed=%-4d skipped=%-4d "
              + "rescued=%-4d ignored=%-4d", r.ok, r.changed, r.dark, r.failures, r.skipped, 0, 0).trim());
    });
    return lines;
  }

  private static String stars(int used) {
    return "*".repeat(Math.max(3, 80 - used));
  }

  static boolean truthy(@Nullable JsonNode value) {
    return value != null && (value.asBoolean() || value.asText().equalsIgnoreCase("true")
        || value.asText().equalsIgnoreCase("yes"));
  }

  static Set<String> csv(@Nullable JsonNode value) {
    Set<String> set = new HashSet<>();
    if (value == null || value.isNull()) {
      return set;
    }
    if (value.isArray()) {
      value.forEach(v -> set.add(v.asText().trim()));
      return set;
    }
    for (String part : value.asText().split(",")) {
      if (!part.isBlank()) {
        set.add(part.trim());
      }
    }
    return set;
  }
}
