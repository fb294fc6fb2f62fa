package dev.conduit.awx.tools.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.awx.AwxPage;
import dev.conduit.awx.LaunchResult;
import dev.conduit.awx.internal.Secrets;
import dev.conduit.protocol.server.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code jobs} toolset: job templates and jobs. */
public final class JobTools {

  private static final String SET = "jobs";
  private static final List<String> STATUSES =
      List.of("new", "pending", "waiting", "running", "successful", "failed", "error", "canceled");

  private JobTools() {}

  /** The tools. */
  public static List<ToolSpec> all() {
    List<ToolSpec> tools = new ArrayList<>(templates());
    tools.addAll(jobs());
    return tools;
  }

  private static List<ToolSpec> templates() {
    return List.of(
        Generic.list(SET, "job_templates_list", "job templates", "job_templates",
            "List job templates (GET job_templates/), with search, ordering and filters such as "
                + "{\"project\": 6} or {\"name__icontains\": \"deploy\"}."),
        Generic.get(SET, "job_template_get", "job template", "job_templates", "job_template_id"),
        ToolSpec.of(SET, Kind.READ, "job_template_launch_info", "Job template launch prompts",
            "What a launch of this job template needs and accepts (GET job_templates/{id}/launch/): every "
                + "ask_*_on_launch prompt, passwords and variables needed to start, survey flag, defaults.",
            Schema.input().id("job_template_id", "The job template's id").build(), Schema.objectOutput(),
            call -> {
              JsonNode info = call.client().get("job_templates/" + call.id("job_template_id") + "/launch/");
              List<String> prompts = new ArrayList<>();
              info.fieldNames().forEachRemaining(field -> {
                if (field.startsWith("ask_") && info.path(field).asBoolean()) {
                  prompts.add(field.substring(4).replace("_on_launch", ""));
                }
              });
              String text = "Prompts on launch: " + (prompts.isEmpty() ? "none" : String.join(", ", prompts))
                  + (info.path("can_start_without_user_input").asBoolean(true) ? "" : "; needs user input to start");
              return Results.done(text, info);
            }),
        ToolSpec.of(SET, Kind.LAUNCH, "job_launch", "Launch a job template",
            "Launch a job template (POST job_templates/{id}/launch/) with optional extra_vars, limit, tags, "
                + "skip_tags, inventory, credentials, scm_branch, job_type, verbosity, diff_mode, forks, timeout. "
                + "AWX ignores fields the template does not prompt for; the result lists them in ignored_fields. "
                + "Never retried. With wait=true, waits for the job with progress notifications.",
            Launches.waiting(Launches.prompts(Schema.input().id("job_template_id", "The job template's id")))
                .build(),
            Schema.objectOutput("id", "status", "ignored_fields"), call -> {
              long id = call.id("job_template_id");
              JsonNode template = call.client().get("job_templates/" + id + "/");
              Guard.jobTemplate(call, template);
              long inventory = call.args().integer("inventory", template.path("inventory").asLong(0));
              if (inventory > 0) {
                Guard.inventory(call, inventory);
              }
              LaunchResult launch = call.client().launch("job_templates/" + id + "/launch/", Launches.jobBody(call));
              return Launches.result(call, "job", "jobs", "job template " + Results.label(template), launch);
            }),
        Generic.create(SET, "job_template_create", "job template",
            "Create a job template (POST job_templates/) from a project's playbook and an inventory.",
            Schema.input().string("name", "Name").string("description", "Description")
                .integer("inventory", "Inventory id", 1L, null).integer("project", "Project id", 1L, null)
                .string("playbook", "Playbook path within the project, e.g. site.yml")
                .choice("job_type", "run (default) or check", List.of("run", "check"))
                .object("extra_vars", "Default extra variables").string("limit", "Default host limit")
                .bool("ask_variables_on_launch", "Prompt for extra_vars on launch")
                .bool("ask_limit_on_launch", "Prompt for limit on launch")
                .bool("ask_inventory_on_launch", "Prompt for the inventory on launch")
                .require("name", "project", "playbook"),
            call -> {
              if (call.args().has("inventory")) {
                Guard.inventory(call, call.args().requireInteger("inventory"));
              }
              return "job_templates/";
            }, "name", "description", "inventory", "project", "playbook", "job_type", "extra_vars", "limit",
            "ask_variables_on_launch", "ask_limit_on_launch", "ask_inventory_on_launch"),
        Generic.delete(SET, "job_template_delete", "job template", "job_templates", "job_template_id"),
        ToolSpec.of(SET, Kind.READ, "job_template_survey", "Job template survey",
            "The survey of a job template (GET job_templates/{id}/survey_spec/): the questions asked on launch, "
                + "their variables, types, defaults and choices.",
            Schema.input().id("job_template_id", "The job template's id").build(), Schema.objectOutput(), call -> {
              JsonNode spec = call.client().get("job_templates/" + call.id("job_template_id") + "/survey_spec/");
              return Results.done(spec.path("spec").size() + " survey questions", spec);
            }));
  }

  private static List<ToolSpec> jobs() {
    return List.of(
        Generic.list(SET, "jobs_list", "jobs",
            "List jobs, newest first (GET jobs/?order_by=-id), filtered by status, job template or creation "
                + "time, plus any AWX filter.",
            Schema.input().choice("status", "Only jobs in this status", STATUSES)
                .integer("job_template", "Only jobs of this job template id", 1L, null)
                .string("created_after", "Only jobs created after this ISO date/time"),
            call -> "jobs/", (call, query) -> {
              query.putIfAbsent("order_by", "-id");
              Call.putIfSet(query, "status", call.string("status"));
              if (call.args().has("job_template")) {
                query.put("job_template", Long.toString(call.args().requireInteger("job_template")));
              }
              Call.putIfSet(query, "created__gt", call.string("created_after"));
            }),
        Generic.get(SET, "job_get", "job", "jobs", "job_id"),
        ToolSpec.of(SET, Kind.READ, "job_stdout", "Job output",
            "A job's output (GET jobs/{id}/stdout/), as text or JSON with a line range, optionally only the last "
                + "lines. Falls back to the download format when AWX finds it too large to display.",
            Stdout.schema("job_id", "job").build(), Schema.objectOutput("content"),
            call -> Stdout.read(call, "jobs", call.id("job_id"), "jobs/" + call.id("job_id") + "/job_events/")),
        ToolSpec.of(SET, Kind.READ, "job_events", "Job events",
            "A job's events in order (GET jobs/{id}/job_events/?order_by=counter): host, play, task, event type, "
                + "failed/changed flags, and the module's msg and stderr. failed_only keeps the failures.",
            Schema.input().id("job_id", "The job's id").bool("failed_only", "Only failed events")
                .string("event", "Only this event type, e.g. runner_on_failed").paging().build(),
            Schema.listOutput(), call -> {
              Map<String, String> query = call.listQuery();
              query.putIfAbsent("order_by", "counter");
              if (call.args().bool("failed_only", false)) {
                query.put("failed", "true");
              }
              Call.putIfSet(query, "event", call.string("event"));
              AwxPage page = call.client().page("jobs/" + call.id("job_id") + "/job_events/", query);
              List<JsonNode> events = new ArrayList<>();
              page.results().forEach(event -> events.add(event(event)));
              return Results.page("events", new AwxPage(page.count(), page.next(), page.previous(), events),
                  call.page());
            }),
        Generic.list(SET, "job_host_summaries", "host summaries",
            "Per-host results of a job (GET jobs/{id}/job_host_summaries/): ok, changed, failures, dark "
                + "(unreachable), skipped per host.",
            Schema.input().id("job_id", "The job's id"),
            call -> "jobs/" + call.id("job_id") + "/job_host_summaries/"),
        Generic.cancel(SET, "job_cancel", "job", "jobs", "job_id"),
        ToolSpec.of(SET, Kind.LAUNCH, "job_relaunch", "Relaunch a job",
            "Relaunch a finished job (POST jobs/{id}/relaunch/) on all hosts or only on those that failed. Never "
                + "retried. With wait=true, waits for the new job.",
            Launches.waiting(Schema.input().id("job_id", "The job's id")
                .choice("hosts", "all (default) or failed", List.of("all", "failed"))).build(),
            Schema.objectOutput("id", "status"), call -> {
              long id = call.id("job_id");
              JsonNode job = call.client().get("jobs/" + id + "/");
              long template = job.path("job_template").asLong(0);
              if (template > 0) {
                Guard.jobTemplate(call, call.client().get("job_templates/" + template + "/"));
              }
              ObjectNode body = Schema.JSON.createObjectNode().put("hosts", call.args().string("hosts", "all"));
              LaunchResult launch = call.client().launch("jobs/" + id + "/relaunch/", body);
              return Launches.result(call, "job", "jobs", "job #" + id, launch);
            }),
        Generic.delete(SET, "job_delete", "job", "jobs", "job_id"),
        Generic.await(SET, "job_wait", "job", "jobs", "job_id"),
        ToolSpec.of(SET, Kind.READ, "job_failure_summary", "Why a job failed",
            "Classify why a job failed (unreachable host, authentication, permission, undefined variable, syntax, "
                + "timeout, module failure) from its failed events and the end of its output, with the evidence "
                + "lines, failed hosts and tasks, and advice.",
            Schema.input().id("job_id", "The job's id").build(), Schema.objectOutput("category", "evidence"),
            JobTools::failureSummary));
  }

  private static JsonNode event(JsonNode event) {
    ObjectNode out = Schema.JSON.createObjectNode();
    for (String field : List.of("id", "counter", "event", "event_display", "host_name", "play", "task", "role",
        "failed", "changed", "created")) {
      if (event.has(field)) {
        out.set(field, event.get(field));
      }
    }
    String stdout = event.path("stdout").asText("");
    stdout = Secrets.maskText(stdout);
    out.put("stdout", stdout.length() > 2000 ? stdout.substring(0, 2000) + "…" : stdout);
    JsonNode res = event.path("event_data").path("res");
    for (String field : List.of("msg", "stderr", "rc")) {
      if (res.has(field)) {
        JsonNode value = res.get(field);
        out.set(field, value.isTextual() ? Schema.JSON.getNodeFactory().textNode(Secrets.maskText(value.asText()))
            : value);
      }
    }
    return out;
  }

  private static dev.conduit.protocol.schema.CallToolResult failureSummary(Call call) {
    long id = call.id("job_id");
    JsonNode job = call.client().get("jobs/" + id + "/");
    String status = job.path("status").asText();
    Map<String, String> query = new LinkedHashMap<>();
    query.put("failed", "true");
    query.put("order_by", "counter");
    query.put("page_size", "100");
    AwxPage failed = call.client().page("jobs/" + id + "/job_events/", query);
    String stdout = "";
    try {
      stdout = call.client().getText("jobs/" + id + "/stdout/", Map.of("format", "txt"));
    } catch (dev.conduit.awx.AwxException e) {
      if (!e.isNotFound()) {
        throw e;
      }
    }
    List<String> lines = stdout.lines().toList();
    List<String> tail = lines.size() > 200 ? lines.subList(lines.size() - 200, lines.size()) : lines;
    if (!job.path("job_explanation").asText("").isEmpty()) {
      tail = new ArrayList<>(tail);
      tail.add(job.path("job_explanation").asText());
    }
    if (status.equals("successful")) {
      throw new ToolException("Job #" + id + " did not fail: it was successful");
    }
    FailureClassifier.Verdict verdict = FailureClassifier.classify(failed.results(), tail);
    ObjectNode out = Schema.JSON.createObjectNode();
    out.put("job_id", id).put("status", status).put("category", verdict.category()).put("advice", verdict.advice());
    ArrayNode evidence = out.putArray("evidence");
    verdict.evidence().forEach(evidence::add);
    ArrayNode hosts = out.putArray("failed_hosts");
    verdict.failedHosts().forEach(hosts::add);
    ArrayNode tasks = out.putArray("failed_tasks");
    verdict.failedTasks().forEach(tasks::add);
    out.put("job_explanation", job.path("job_explanation").asText(""));
    String text = "Job #" + id + " " + status + ": " + verdict.category().replace('_', ' ')
        + (verdict.failedHosts().isEmpty() ? "" : " on " + String.join(", ", verdict.failedHosts()))
        + (verdict.evidence().isEmpty() ? "" : " — " + verdict.evidence().get(0)) + ". " + verdict.advice();
    return Results.done(text, out);
  }
}
