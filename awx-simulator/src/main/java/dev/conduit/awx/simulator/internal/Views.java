package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The difference between an object as stored and as one answer shows it: list items of unified jobs leave out the
 * heavy fields AWX's list serializers strip, and a running job's {@code elapsed} counts up to now.
 */
final class Views {

  private static final Set<String> UNIFIED_JOB_TYPES = Set.of("job", "project_update", "inventory_update",
      "workflow_job", "ad_hoc_command", "workflow_approval", "system_job");
  /** Stripped by {@code UnifiedJobListSerializer}; the counts only {@code JobDetailSerializer} adds. */
  private static final List<String> DETAIL_ONLY = List.of("job_args", "job_cwd", "job_env", "result_traceback",
      "event_processing_finished", "host_status_counts", "playbook_counts");

  private Views() {}

  /** AWX's {@code EVENT_STDOUT_MAX_BYTES_DISPLAY}: how much of an event's output a list shows. */
  static final int EVENT_STDOUT_MAX = 1024;
  private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

  /** An object as a list shows it at {@code now}. */
  static ObjectNode listItem(ObjectNode node, Instant now) {
    String type = node.path("type").asText();
    if (type.endsWith("_event")) {
      return truncated(node);
    }
    if (!UNIFIED_JOB_TYPES.contains(type)) {
      return node;
    }
    ObjectNode view = detail(node, now).deepCopy();
    view.remove(DETAIL_ONLY);
    return view;
  }

  /**
   * An event whose output is longer than a list shows, cut with an ellipsis and closed with as many colour resets as
   * the cut left open; events of the playbook itself keep all of it, as in AWX.
   */
  private static ObjectNode truncated(ObjectNode event) {
    String stdout = event.path("stdout").asText();
    if (event.path("event").asText().startsWith("playbook_on") || stdout.length() <= EVENT_STDOUT_MAX) {
      return event;
    }
    String cut = stdout.substring(0, EVENT_STDOUT_MAX - 1) + "\u2026";
    int open = 0;
    Matcher m = SGR.matcher(cut);
    while (m.find()) {
      open += m.group().equals("\u001b[0m") ? -1 : 1;
    }
    ObjectNode view = event.deepCopy();
    view.put("stdout", cut + "\u001b[0m".repeat(Math.max(0, open)));
    return view;
  }

  /** An object as its own URL shows it at {@code now}. */
  static ObjectNode detail(ObjectNode node, Instant now) {
    if (!UNIFIED_JOB_TYPES.contains(node.path("type").asText()) || !node.path("started").isTextual()
        || !node.path("finished").isNull()) {
      return node;
    }
    ObjectNode view = node.deepCopy();
    Duration running = Duration.between(Instant.parse(node.get("started").asText()), now);
    view.put("elapsed", running.toNanos() / 1_000L / 1_000_000.0);
    return view;
  }
}
