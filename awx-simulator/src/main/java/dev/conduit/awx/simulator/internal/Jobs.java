package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Facts about unified jobs shared by every kind: statuses and the fields every unified job carries. */
final class Jobs {

  static final Set<String> ACTIVE = Set.of("new", "pending", "waiting", "running");
  private static final Set<String> JOB_COLLECTIONS = Set.of("jobs", "project_updates", "inventory_updates",
      "workflow_jobs", "ad_hoc_commands", "workflow_approvals");

  private Jobs() {}

  static boolean isJobCollection(String collection) {
    return JOB_COLLECTIONS.contains(collection);
  }

  /** Whether a unified job may still be canceled: {@code new}, {@code pending}, {@code waiting} or {@code running}. */
  static boolean isActive(ObjectNode job) {
    return ACTIVE.contains(job.path("status").asText());
  }

  /** A new unified job in {@code pending}, with the fields every kind shares; not yet stored. */
  static ObjectNode create(Store store, String collection, String name, int templateId, String launchType,
      ObjectNode actor) {
    int id = store.nextId(collection);
    String now = store.now();
    ObjectNode job = Json.of("id", id, "type", Kinds.type(collection), "url", store.link(collection, id));
    job.putObject("related");
    job.putObject("summary_fields");
    job.put("created", now);
    job.put("modified", now);
    job.put("name", name);
    job.put("description", "");
    job.put("unified_job_template", templateId);
    job.put("launch_type", launchType);
    setStatus(store, job, "pending");
    job.putNull("execution_environment");
    job.put("failed", false);
    job.putNull("started");
    job.putNull("finished");
    job.putNull("canceled_on");
    job.put("elapsed", 0.0);
    job.put("job_explanation", "");
    job.put("execution_node", "");
    job.put("controller_node", "");
    job.put("result_traceback", "");
    job.put("event_processing_finished", false);
    job.set("launched_by", actor.has("id")
        ? Json.of("id", actor.get("id").asInt(), "name", actor.path("username").asText(), "type", "user",
            "url", store.link("users", actor.get("id").asInt()))
        : Json.object());
    job.putNull("work_unit_id");
    return job;
  }

  /** Sets a unified job's status and remembers it in the job's history. */
  static void setStatus(Store store, ObjectNode job, String status) {
    job.put("status", status);
    store.statusHistory(job.get("id").asInt()).add(status);
  }

  /** Moves a job to a finished status, with {@code finished}, {@code elapsed} and {@code failed}. */
  static void finish(Store store, ObjectNode job, String status) {
    Instant now = store.instant();
    setStatus(store, job, status);
    job.put("failed", !status.equals("successful"));
    job.put("finished", Store.format(now));
    if (status.equals("canceled")) {
      job.put("canceled_on", Store.format(now));
    }
    if (job.path("started").isTextual()) {
      Instant started = Instant.parse(job.get("started").asText());
      job.put("elapsed", Math.round(Duration.between(started, now).toMillis() / 10.0) / 100.0);
    }
    job.put("event_processing_finished", true);
    job.put("modified", Store.format(now));
  }
}
