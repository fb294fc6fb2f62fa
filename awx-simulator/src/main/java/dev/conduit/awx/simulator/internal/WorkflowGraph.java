package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The run of one workflow job's node graph: a node whose job succeeds starts its success and always children, one
 * that fails its failure and always children. The workflow ends when no node job is active; it has failed when a
 * node's job failed and nothing handled that (no failure or always edge), as AWX decides.
 */
final class WorkflowGraph {

  private final Store store;
  private final JobRunner runner;
  private final Updates updates;

  WorkflowGraph(Store store, JobRunner runner, Updates updates) {
    this.store = store;
    this.runner = runner;
    this.updates = updates;
  }

  private List<ObjectNode> nodes(ObjectNode workflowJob) {
    return store.children("workflow_job_nodes", "workflow_job", workflowJob.get("id").asInt());
  }

  /** Starts the nodes no other node points at. */
  void startRoots(ObjectNode workflowJob) {
    List<ObjectNode> nodes = nodes(workflowJob);
    Set<Integer> children = new HashSet<>();
    for (ObjectNode node : nodes) {
      for (String edge : List.of("success_nodes", "failure_nodes", "always_nodes")) {
        node.path(edge).forEach(n -> children.add(n.asInt()));
      }
    }
    for (ObjectNode node : nodes) {
      if (!children.contains(node.get("id").asInt())) {
        run(workflowJob, node);
      }
    }
  }

  private void run(ObjectNode workflowJob, ObjectNode node) {
    if (!node.path("job").isNull() && node.has("job")) {
      return;
    }
    ObjectNode actor = Json.object();
    JsonNode launchedBy = workflowJob.get("launched_by");
    if (launchedBy != null && launchedBy.has("id")) {
      actor = Json.of("id", launchedBy.get("id").asInt(), "username", launchedBy.path("name").asText());
    }
    ObjectNode template = node.path("unified_job_template").isInt()
        ? Links.unifiedTemplate(store, node.get("unified_job_template").asInt()) : null;
    ObjectNode job = null;
    String type = template == null ? "" : template.get("type").asText();
    try {
      switch (type) {
        case "job_template" -> {
          Integer inventory = Json.intOrNull(template, "inventory");
          if (inventory != null) {
            ObjectNode vars = Launch.parseVars(workflowJob.get("extra_vars"));
            vars.setAll(Launch.parseVars(node.get("extra_data")));
            job = runner.newJob(template, new Launch.Accepted(Json.object(), vars, Json.object()), inventory,
                store.hidden("job_templates", template.get("id").asInt()).path("credentials"), "workflow", actor);
          }
        }
        case "project" -> job = updates.startProjectUpdate(template, "workflow", actor);
        case "inventory_source" -> job = updates.startInventoryUpdate(template, actor);
        case "workflow_approval_template" -> job = approval(workflowJob, template, actor);
        default -> { }
      }
    } catch (ApiException e) {
      job = null;
    }
    if (job == null) {
      // A node that cannot start counts as failed, so its failure path runs.
      node.put("do_not_run", false);
      node.put("job", -1);
      follow(workflowJob, node, false);
      return;
    }
    node.put("job", job.get("id").asInt());
    job.put("launch_type", "workflow");
    summarize(node, job);
  }

  private ObjectNode approval(ObjectNode workflowJob, ObjectNode template, ObjectNode actor) {
    ObjectNode approval = Jobs.create(store, "workflow_approvals", template.path("name").asText(),
        template.get("id").asInt(), "workflow", actor);
    approval.put("can_approve_or_deny", true);
    approval.putNull("approval_expiration");
    approval.put("timed_out", false);
    approval.put("started", store.now());
    int timeout = template.path("timeout").asInt(0);
    if (timeout > 0) {
      approval.put("approval_expiration", Store.format(store.instant().plusSeconds(timeout)));
      runner.after(Duration.ofSeconds(timeout), () -> {
        if (Jobs.isActive(approval)) {
          approval.put("timed_out", true);
          approval.put("can_approve_or_deny", false);
          approval.put("job_explanation", "The approval node " + template.path("name").asText() + " ("
              + approval.get("id").asInt() + ") has expired after " + timeout + " seconds.");
          runner.end("workflow_approvals", approval, "failed");
        }
      });
    }
    store.put("workflow_approvals", approval);
    ObjectNode extra = store.hidden("workflow_approvals", approval.get("id").asInt());
    extra.withObjectProperty("related").put("source_workflow_job", workflowJob.get("url").asText());
    extra.withObjectProperty("related").put("workflow_approval_template",
        store.link("workflow_approval_templates", template.get("id").asInt()));
    extra.withObjectProperty("summary_fields").set("source_workflow_job", Json.of("id", workflowJob.get("id").asInt(),
        "name", workflowJob.path("name").asText(), "status", workflowJob.path("status").asText()));
    Links.decorate(store, "workflow_approvals", approval);
    return approval;
  }

  private void summarize(ObjectNode node, ObjectNode job) {
    ObjectNode extra = store.hidden("workflow_job_nodes", node.get("id").asInt());
    extra.withObjectProperty("related").put("job", job.get("url").asText());
    extra.withObjectProperty("summary_fields").set("job", Json.of("id", job.get("id").asInt(),
        "name", job.path("name").asText(),
        "description", "", "status", job.path("status").asText(), "failed", job.path("failed").asBoolean(),
        "elapsed", job.path("elapsed").asDouble(), "type", job.path("type").asText()));
    Links.decorate(store, "workflow_job_nodes", node);
  }

  /** Reacts to the end of any unified job: a node's job, or a canceled workflow job. */
  void finished(ObjectNode job) {
    String type = job.path("type").asText();
    if (type.equals("workflow_job")) {
      if (job.path("status").asText().equals("canceled")) {
        for (ObjectNode node : nodes(job)) {
          ObjectNode child = node.path("job").isInt() ? store.unifiedJob(node.get("job").asInt()) : null;
          if (child != null && Jobs.isActive(child)) {
            runner.cancel(Links.collectionOf(child.get("type").asText()), child);
          }
        }
      }
    }
    for (ObjectNode node : store.where("workflow_job_nodes",
        n -> n.path("job").isInt() && n.get("job").asInt() == job.get("id").asInt())) {
      summarize(node, job);
      ObjectNode workflowJob = store.get("workflow_jobs", node.path("workflow_job").asInt());
      if (workflowJob != null && Jobs.isActive(workflowJob)) {
        follow(workflowJob, node, job.path("status").asText().equals("successful"));
      }
    }
  }

  private void follow(ObjectNode workflowJob, ObjectNode node, boolean success) {
    for (String edge : List.of(success ? "success_nodes" : "failure_nodes", "always_nodes")) {
      for (JsonNode childId : node.path(edge)) {
        ObjectNode child = store.get("workflow_job_nodes", childId.asInt());
        if (child != null && (!child.path("all_parents_must_converge").asBoolean() || converged(child))) {
          run(workflowJob, child);
        }
      }
    }
    settle(workflowJob);
  }

  /** Whether every parent of a converging node has finished and taken the edge that leads to it. */
  private boolean converged(ObjectNode child) {
    int childId = child.get("id").asInt();
    for (ObjectNode parent : store.children("workflow_job_nodes", "workflow_job", child.path("workflow_job").asInt())) {
      for (String edge : List.of("success_nodes", "failure_nodes", "always_nodes")) {
        boolean points = false;
        for (JsonNode target : parent.path(edge)) {
          points |= target.asInt() == childId;
        }
        if (!points) {
          continue;
        }
        ObjectNode job = parent.path("job").isInt() && parent.get("job").asInt() > 0
            ? store.unifiedJob(parent.get("job").asInt()) : null;
        boolean ok = job != null && job.path("status").asText().equals("successful");
        boolean done = parent.path("job").isInt() && (job == null || !Jobs.isActive(job));
        boolean taken = edge.equals("always_nodes") || ok == edge.equals("success_nodes");
        if (!done || !taken) {
          return false;
        }
      }
    }
    return true;
  }

  /** Ends the workflow job once none of its nodes has an active job. */
  void settle(ObjectNode workflowJob) {
    if (!workflowJob.path("status").asText().equals("running")) {
      return;
    }
    boolean failed = false;
    List<ObjectNode> nodes = nodes(workflowJob);
    for (ObjectNode node : nodes) {
      if (!node.path("job").isInt()) {
        continue;
      }
      int jobId = node.get("job").asInt();
      ObjectNode job = jobId < 0 ? null : store.unifiedJob(jobId);
      if (job != null && Jobs.isActive(job)) {
        return;
      }
      boolean nodeFailed = job == null || !job.path("status").asText().equals("successful");
      boolean handled = node.path("failure_nodes").size() > 0 || node.path("always_nodes").size() > 0;
      failed |= nodeFailed && !handled;
    }
    for (ObjectNode node : nodes) {
      if (node.path("job").isNull()) {
        node.put("do_not_run", true);
      }
    }
    runner.end("workflow_jobs", workflowJob, failed ? "failed" : "successful");
  }
}
