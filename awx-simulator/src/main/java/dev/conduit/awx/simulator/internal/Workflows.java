package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Workflow job templates, their nodes and workflow jobs: launch, the run of the node graph (success, failure and
 * always edges), approval nodes that wait for {@code approve/} or {@code deny/}, cancel and relaunch.
 */
final class Workflows {

  private static final Set<String> EDGES = Set.of("success_nodes", "failure_nodes", "always_nodes");

  private final Store store;
  private final JobRunner runner;
  private final Updates updates;

  Workflows(Store store, JobRunner runner) {
    this.store = store;
    this.runner = runner;
    this.updates = new Updates(store, runner);
    runner.onFinish(this::finished);
  }

  /** Serves a workflow path, or returns null to leave it to the generic lists. */
  @Nullable Response handle(Request request) throws ApiException {
    List<String> s = request.segments();
    if (s.size() != 3) {
      return null;
    }
    String collection = s.get(0);
    ObjectNode node = NamedUrls.find(store, collection, s.get(1));
    String key = collection + "/" + s.get(2);
    if (EDGES.contains(s.get(2)) && collection.equals("workflow_job_template_nodes")) {
      return edge(request, node, s.get(2));
    }
    if (EDGES.contains(s.get(2)) && collection.equals("workflow_job_nodes")) {
      return list(request, node, s.get(2), "workflow_job_nodes");
    }
    return switch (key) {
      case "workflow_job_templates/launch" -> launch(request, node);
      case "workflow_jobs/relaunch" -> relaunch(request, node);
      case "workflow_approvals/approve", "workflow_approvals/deny" -> decide(request, node, s.get(2));
      case "workflow_job_template_nodes/create_approval_template" -> approvalTemplate(request, node);
      default -> null;
    };
  }

  private Response list(Request request, ObjectNode node, String edge, String collection) throws ApiException {
    List<ObjectNode> items = new ArrayList<>();
    for (JsonNode id : node.path(edge)) {
      ObjectNode child = store.get(collection, id.asInt());
      if (child != null) {
        items.add(child);
      }
    }
    return Response.ok(Pager.page(request, items));
  }

  private Response edge(Request request, ObjectNode node, String edge) throws ApiException {
    if (request.isRead()) {
      return list(request, node, edge, "workflow_job_template_nodes");
    }
    if (!request.method().equals("POST")) {
      throw ApiException.methodNotAllowed(request.method());
    }
    ObjectNode body = request.bodyObject();
    if (!body.has("id")) {
      throw new ApiException(400, Json.of("msg", "\"id\" is required to disassociate"));
    }
    int child = body.get("id").asInt();
    ObjectNode target = store.require("workflow_job_template_nodes", child);
    if (target.path("workflow_job_template").asInt() != node.path("workflow_job_template").asInt()) {
      throw ApiException.fields(Json.object(), "__all__", "Relationship not allowed.");
    }
    ArrayNode edges = node.withArray(edge);
    for (int i = edges.size() - 1; i >= 0; i--) {
      if (edges.get(i).asInt() == child) {
        edges.remove(i);
      }
    }
    if (!body.path("disassociate").asBoolean()) {
      edges.add(child);
    }
    return Response.empty(204);
  }

  private Response approvalTemplate(Request request, ObjectNode node) throws ApiException {
    if (!request.method().equals("POST")) {
      throw ApiException.methodNotAllowed(request.method());
    }
    ObjectNode body = request.bodyObject();
    if (!body.hasNonNull("name") || body.get("name").asText().isBlank()) {
      throw ApiException.field("name", "This field is required.");
    }
    int id = store.nextId("workflow_approval_templates");
    ObjectNode template = Json.of("id", id, "type", "workflow_approval_template",
        "url", store.link("workflow_approval_templates", id), "related", Json.object(),
        "summary_fields", Json.object(), "created", store.now(), "modified", store.now(),
        "name", body.get("name").asText(), "description", body.path("description").asText(""),
        "timeout", body.path("timeout").asInt(0));
    store.put("workflow_approval_templates", template);
    node.put("unified_job_template", id);
    Links.decorate(store, "workflow_job_template_nodes", node);
    return Response.created(201, template, template.get("url").asText());
  }

  private Response launch(Request request, ObjectNode template) throws ApiException {
    int id = template.get("id").asInt();
    if (request.isRead()) {
      return Response.ok(Json.of("can_start_without_user_input", true, "ask_inventory_on_launch",
          template.path("ask_inventory_on_launch").asBoolean(), "ask_limit_on_launch",
          template.path("ask_limit_on_launch").asBoolean(), "ask_scm_branch_on_launch",
          template.path("ask_scm_branch_on_launch").asBoolean(), "ask_variables_on_launch",
          template.path("ask_variables_on_launch").asBoolean(), "survey_enabled",
          template.path("survey_enabled").asBoolean(), "variables_needed_to_start", List.of(),
          "node_templates_missing", List.of(), "node_prompts_rejected", List.of(),
          "workflow_job_template_data", Map.of("name", template.path("name").asText(), "id", id,
              "description", template.path("description").asText()),
          "defaults", Map.of("extra_vars", template.path("extra_vars").asText(), "inventory",
              Map.of("name", "", "id", ""), "limit", "", "scm_branch", "")));
    }
    if (!request.method().equals("POST")) {
      throw ApiException.methodNotAllowed(request.method());
    }
    ObjectNode body = request.bodyObject();
    ObjectNode ignored = Json.object();
    ObjectNode vars = Launch.parseVars(template.get("extra_vars"));
    if (body.has("extra_vars")) {
      if (template.path("ask_variables_on_launch").asBoolean()) {
        vars.setAll(Launch.parseVars(body.get("extra_vars")));
      } else {
        ignored.set("extra_vars", Launch.parseVars(body.get("extra_vars")));
      }
    }
    for (String field : List.of("inventory", "limit", "scm_branch")) {
      if (body.has(field) && !template.path("ask_" + field + "_on_launch").asBoolean()) {
        ignored.set(field, body.get(field));
      }
    }
    ObjectNode job = start(template, vars, "manual", request.user());
    ObjectNode answer = Json.of("workflow_job", job.get("id").asInt(), "ignored_fields", ignored);
    answer.setAll(job);
    return Response.created(201, answer, job.get("url").asText());
  }

  private Response relaunch(Request request, ObjectNode old) throws ApiException {
    if (!request.method().equals("POST")) {
      throw ApiException.methodNotAllowed(request.method());
    }
    ObjectNode template = store.get("workflow_job_templates", old.path("workflow_job_template").asInt());
    if (template == null) {
      throw ApiException.detail(400, "Cannot relaunch workflow job: its template has been deleted.");
    }
    ObjectNode job = start(template, Launch.parseVars(old.get("extra_vars")), "relaunch", request.user());
    return Response.created(201, job, job.get("url").asText());
  }

  private ObjectNode start(ObjectNode template, ObjectNode vars, String launchType, ObjectNode actor) {
    int templateId = template.get("id").asInt();
    ObjectNode job = Jobs.create(store, "workflow_jobs", template.path("name").asText(), templateId, launchType,
        actor);
    job.put("workflow_job_template", templateId);
    job.put("extra_vars", Json.text(vars));
    job.put("allow_simultaneous", template.path("allow_simultaneous").asBoolean());
    job.putNull("job_template");
    job.put("is_sliced_job", false);
    job.set("inventory", template.get("inventory"));
    job.set("limit", template.get("limit"));
    job.set("scm_branch", template.get("scm_branch"));
    store.put("workflow_jobs", job);
    Map<Integer, Integer> copies = new HashMap<>();
    List<ObjectNode> nodes = store.children("workflow_job_template_nodes", "workflow_job_template", templateId);
    for (ObjectNode node : nodes) {
      int id = store.nextId("workflow_job_nodes");
      copies.put(node.get("id").asInt(), id);
      ObjectNode copy = Json.of("id", id, "type", "workflow_job_node", "url", store.link("workflow_job_nodes", id),
          "related", Json.object(), "summary_fields", Json.object(), "created", store.now(),
          "modified", store.now(), "extra_data", node.get("extra_data"), "job", null, "workflow_job",
          job.get("id").asInt(), "unified_job_template", node.get("unified_job_template"),
          "do_not_run", false, "all_parents_must_converge", node.path("all_parents_must_converge").asBoolean(),
          "identifier", node.path("identifier").asText());
      store.put("workflow_job_nodes", copy);
    }
    for (ObjectNode node : nodes) {
      ObjectNode copy = store.get("workflow_job_nodes", copies.get(node.get("id").asInt()));
      for (String edge : EDGES) {
        ArrayNode edges = copy.putArray(edge);
        node.path(edge).forEach(n -> {
          if (copies.containsKey(n.asInt())) {
            edges.add(copies.get(n.asInt()));
          }
        });
      }
      Links.decorate(store, "workflow_job_nodes", copy);
    }
    Links.decorate(store, "workflow_jobs", job);
    template.put("status", "pending");
    template.put("last_job_run", job.get("created").asText());
    int jobId = job.get("id").asInt();
    runner.later(() -> {
      Jobs.setStatus(store, job, "waiting");
      Jobs.setStatus(store, job, "running");
      job.put("started", store.now());
      new WorkflowGraph(store, runner, updates).startRoots(job);
      new WorkflowGraph(store, runner, updates).settle(job);
    });
    return job;
  }

  private Response decide(Request request, ObjectNode approval, String decision) throws ApiException {
    if (!request.method().equals("POST")) {
      throw ApiException.methodNotAllowed(request.method());
    }
    if (!Jobs.isActive(approval)) {
      throw new ApiException(400, Json.of("error", "This workflow step has already been approved or denied."));
    }
    approval.put("can_approve_or_deny", false);
    ObjectNode user = request.user();
    store.hidden("workflow_approvals", approval.get("id").asInt()).withObjectProperty("summary_fields").set(
        "approved_or_denied_by", Json.of("id", user.get("id").asInt(),
        "username", user.path("username").asText(), "first_name", user.path("first_name").asText(),
        "last_name", user.path("last_name").asText()));
    runner.end("workflow_approvals", approval, decision.equals("approve") ? "successful" : "failed");
    return Response.empty(204);
  }

  private void finished(ObjectNode job) {
    new WorkflowGraph(store, runner, updates).finished(job);
  }
}
