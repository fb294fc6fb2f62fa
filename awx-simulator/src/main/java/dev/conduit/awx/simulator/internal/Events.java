package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The event objects of unified jobs ({@code job_events}, {@code project_update_events}, ...) and their output. */
final class Events {

  /** The event collection of each kind of unified job. */
  static final Map<String, String> COLLECTION = Map.of("jobs", "job_events", "project_updates",
      "project_update_events", "inventory_updates", "inventory_update_events", "ad_hoc_commands",
      "ad_hoc_command_events");

  private Events() {}

  /** The field by which an event points at its job: {@code job}, {@code project_update}, ... */
  static String parentField(String jobCollection) {
    return Kinds.type(jobCollection);
  }

  /** Stores one event of a running job and appends its lines to the job's output. */
  static void emit(Store store, String jobCollection, ObjectNode job, Playbook.Step step, int counter,
      String[] uuidAndParent) {
    String collection = COLLECTION.get(jobCollection);
    List<String> out = store.stdout(job.get("id").asInt());
    int startLine = out.size();
    out.addAll(step.lines());
    int id = store.nextId(collection);
    String now = store.now();
    String parentField = parentField(jobCollection);
    ObjectNode event = Json.of("id", id, "type", Kinds.type(collection), "url", store.link(collection, id));
    ObjectNode related = event.putObject("related");
    related.put(parentField, job.get("url").asText());
    related.put("children", store.link(collection, id, "children"));
    ObjectNode summary = event.putObject("summary_fields");
    ObjectNode jobSummary = Json.of("id", job.get("id").asInt(), "name", job.path("name").asText(),
        "description", "", "status", job.path("status").asText(), "failed", job.path("failed").asBoolean(),
        "elapsed", job.path("elapsed").asDouble(), "type", job.path("type").asText());
    if (job.path("job_template").isInt()) {
      jobSummary.put("job_template_id", job.get("job_template").asInt());
      jobSummary.put("job_template_name", job.path("name").asText());
    }
    summary.set(parentField, jobSummary);
    ObjectNode host = step.host() == null ? null : hostNamed(store, job, step.host());
    if (host != null) {
      related.put("host", host.get("url").asText());
      summary.set("host", Json.of("id", host.get("id").asInt(), "name", host.path("name").asText(),
          "description", host.path("description").asText()));
    }
    summary.set("role", Json.object());
    event.put("created", now);
    event.put("modified", now);
    event.put(parentField, job.get("id").asInt());
    event.put("event", step.event());
    event.put("counter", counter);
    event.put("event_display", display(step));
    ObjectNode data = event.putObject("event_data");
    data.put("playbook", job.path("playbook").asText(""));
    data.put("play", step.play());
    data.put("task", step.task());
    if (step.host() != null) {
      data.put("host", step.host());
      data.put("remote_addr", step.host());
    }
    if (step.res() != null) {
      data.set("res", step.res());
    }
    data.put("uuid", uuidAndParent[0]);
    event.put("event_level", level(step.event()));
    event.put("failed", step.failed());
    event.put("changed", step.changed());
    event.put("uuid", uuidAndParent[0]);
    event.put("parent_uuid", uuidAndParent[1]);
    if (host != null) {
      event.put("host", host.get("id").asInt());
    } else {
      event.putNull("host");
    }
    event.put("host_name", step.host() == null ? "" : step.host());
    event.put("playbook", job.path("playbook").asText(""));
    event.put("play", step.play());
    event.put("task", step.task());
    event.put("role", "");
    event.put("stdout", String.join("\r\n", step.lines()));
    event.put("start_line", startLine);
    event.put("end_line", out.size());
    event.put("verbosity", 0);
    store.put(collection, event);
  }

  private static @Nullable ObjectNode hostNamed(Store store, ObjectNode job, String name) {
    if (!job.path("inventory").isInt()) {
      return null;
    }
    return store.children("hosts", "inventory", job.get("inventory").asInt()).stream()
        .filter(h -> h.path("name").asText().equals(name)).findFirst().orElse(null);
  }

  private static int level(String event) {
    return switch (event) {
      case "playbook_on_start", "verbose" -> 0;
      case "playbook_on_play_start", "playbook_on_stats", "playbook_on_no_hosts_matched" -> 1;
      case "playbook_on_task_start" -> 2;
      default -> 3;
    };
  }

  private static String display(Playbook.Step step) {
    return switch (step.event()) {
      case "playbook_on_start" -> "Playbook Started";
      case "playbook_on_play_start" -> "Play Started (" + step.play() + ")";
      case "playbook_on_task_start" -> "Task Started (" + step.task() + ")";
      case "runner_on_ok" -> "Host OK";
      case "runner_on_failed" -> "Host Failed";
      case "runner_on_unreachable" -> "Host Unreachable";
      case "playbook_on_stats" -> "Playbook Complete";
      case "playbook_on_no_hosts_matched" -> "No Hosts Matched";
      default -> "Verbose";
    };
  }
}
