package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a unified job's progress does to the rest of the estate: templates, projects, hosts, host summaries. */
final class Outcomes {

  /** The playbooks every synced project has unless the seed gave it its own list. */
  static final List<String> DEFAULT_PLAYBOOKS = List.of("hello_world.yml", "site.yml", "ping.yml");

  private final Store store;

  Outcomes(Store store) {
    this.store = store;
  }

  /** Keeps the template's (or project's, or source's) {@code status} that of its latest job, as AWX shows it. */
  void mirrorStatus(String collection, ObjectNode job) {
    ObjectNode owner = owner(collection, job);
    if (owner != null) {
      owner.put("status", job.path("status").asText());
    }
  }

  private @Nullable ObjectNode owner(String collection, ObjectNode job) {
    return switch (collection) {
      case "jobs" -> job.path("job_template").isInt() ? store.get("job_templates", job.get("job_template").asInt())
          : null;
      case "project_updates" -> store.get("projects", job.path("project").asInt());
      case "inventory_updates" -> store.get("inventory_sources", job.path("inventory_source").asInt());
      case "workflow_jobs" -> job.path("workflow_job_template").isInt()
          ? store.get("workflow_job_templates", job.get("workflow_job_template").asInt()) : null;
      default -> null;
    };
  }

  /** Applies the end of a unified job. */
  void finished(String collection, ObjectNode job, Playbook.Plan plan, String status) {
    boolean canceled = status.equals("canceled");
    if (!canceled && (collection.equals("jobs") || collection.equals("ad_hoc_commands"))) {
      hostSummaries(collection, job, plan);
    }
    ObjectNode owner = owner(collection, job);
    if (owner != null) {
      owner.put("last_job_run", job.path("finished").asText());
      owner.put("last_job_failed", job.path("failed").asBoolean());
      if (owner.has("last_update_failed")) {
        owner.put("last_update_failed", job.path("failed").asBoolean());
        owner.put("last_updated", job.path("finished").asText());
      }
    }
    if (collection.equals("project_updates") && owner != null && status.equals("successful")) {
      String revision = Integer.toHexString(owner.path("scm_url").asText().hashCode() ^ job.get("id").asInt());
      owner.put("scm_revision", (revision + "0000000000000000000000000000000000000000").substring(0, 40));
      job.put("scm_revision", owner.get("scm_revision").asText());
      ObjectNode hidden = store.hidden("projects", owner.get("id").asInt());
      if (!hidden.has("playbooks")) {
        hidden.set("playbooks", hidden.has("repository") ? hidden.get("repository")
            : Json.MAPPER.valueToTree(DEFAULT_PLAYBOOKS));
      }
    }
    if (owner != null) {
      String ownerCollection = Links.collectionOf(owner.get("type").asText());
      Links.decorate(store, ownerCollection, owner);
    }
  }

  private void hostSummaries(String collection, ObjectNode job, Playbook.Plan plan) {
    ObjectNode counts = Json.object();
    int jobId = job.get("id").asInt();
    for (Map.Entry<String, Playbook.HostResult> entry : plan.hosts().entrySet()) {
      Playbook.HostResult r = entry.getValue();
      String bucket = r.dark > 0 ? "dark" : r.failures > 0 ? "failures" : r.changed > 0 ? "changed" : "ok";
      counts.put(bucket, counts.path(bucket).asInt() + 1);
      ObjectNode host = job.path("inventory").isInt()
          ? store.children("hosts", "inventory", job.get("inventory").asInt()).stream()
              .filter(h -> h.path("name").asText().equals(entry.getKey())).findFirst().orElse(null)
          : null;
      if (!collection.equals("jobs")) {
        continue;
      }
      int id = store.nextId("job_host_summaries");
      String now = store.now();
      ObjectNode summary = Json.of("id", id, "type", "job_host_summary", "url",
          store.link("job_host_summaries", id));
      ObjectNode related = summary.putObject("related");
      related.put("job", job.get("url").asText());
      ObjectNode fields = summary.putObject("summary_fields");
      fields.set("job", Json.of("id", jobId, "name", job.path("name").asText(), "description", "",
          "status", job.path("status").asText(), "failed", job.path("failed").asBoolean(),
          "elapsed", job.path("elapsed").asDouble(), "type", "job",
          "job_template_id", job.path("job_template").asInt(), "job_template_name", job.path("name").asText()));
      summary.put("created", now);
      summary.put("modified", now);
      summary.put("job", jobId);
      if (host != null) {
        related.put("host", host.get("url").asText());
        fields.set("host", Json.of("id", host.get("id").asInt(), "name", entry.getKey(), "description",
            host.path("description").asText()));
        summary.put("host", host.get("id").asInt());
        host.put("last_job", jobId);
        host.put("last_job_host_summary", id);
        host.put("has_active_failures", r.failed());
      } else {
        summary.putNull("host");
      }
      summary.putNull("constructed_host");
      summary.put("host_name", entry.getKey());
      summary.put("changed", r.changed);
      summary.put("dark", r.dark);
      summary.put("failures", r.failures);
      summary.put("ok", r.ok);
      summary.put("processed", 1);
      summary.put("skipped", r.skipped);
      summary.put("failed", r.failed());
      summary.put("ignored", 0);
      summary.put("rescued", 0);
      store.put("job_host_summaries", summary);
    }
    job.set("host_status_counts", counts);
    if (job.path("inventory").isInt()) {
      Resources.countInventory(store, job.get("inventory").asInt());
    }
  }

  /** The failed and unreachable hosts of a finished job, from its host summaries. */
  List<String> failedHosts(int jobId) {
    return store.children("job_host_summaries", "job", jobId).stream()
        .filter(s -> s.path("failed").asBoolean()).map(s -> s.path("host_name").asText()).sorted().toList();
  }

  /** An array of host names. */
  static ArrayNode names(List<String> hosts) {
    ArrayNode array = Json.array();
    hosts.forEach(array::add);
    return array;
  }
}
