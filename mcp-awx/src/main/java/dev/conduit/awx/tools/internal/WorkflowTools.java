package dev.conduit.awx.tools.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.awx.AwxException;
import dev.conduit.awx.LaunchResult;
import dev.conduit.protocol.server.ToolException;
import java.util.List;
import java.util.Map;

/** The {@code workflows} toolset: workflow job templates, workflow jobs and approvals. */
public final class WorkflowTools {

  private static final String SET = "workflows";
  private static final List<String> STATUSES =
      List.of("new", "pending", "waiting", "running", "successful", "failed", "error", "canceled");

  private WorkflowTools() {}

  /** The tools. */
  public static List<ToolSpec> all() {
    return List.of(
        Generic.list(SET, "workflow_templates_list", "workflow job templates", "workflow_job_templates",
            "List workflow job templates (GET workflow_job_templates/)."),
        Generic.get(SET, "workflow_template_get", "workflow job template", "workflow_job_templates",
            "workflow_template_id"),
        Generic.list(SET, "workflow_template_nodes", "workflow nodes",
            "The nodes of a workflow job template (GET workflow_job_templates/{id}/workflow_nodes/): what each "
                + "runs and its success/failure/always successors.",
            Schema.input().id("workflow_template_id", "The workflow job template's id"),
            call -> "workflow_job_templates/" + call.id("workflow_template_id") + "/workflow_nodes/"),
        ToolSpec.of(SET, Kind.LAUNCH, "workflow_launch", "Launch a workflow",
            "Launch a workflow job template (POST workflow_job_templates/{id}/launch/) with optional extra_vars, "
                + "limit, inventory, scm_branch. Fields the template does not prompt for come back in "
                + "ignored_fields. Never retried. With wait=true, waits for the workflow job.",
            Launches.waiting(Schema.input().id("workflow_template_id", "The workflow job template's id")
                .object("extra_vars", "Extra variables").string("limit", "Host pattern")
                .integer("inventory", "Inventory id", 1L, null).string("scm_branch", "Branch")).build(),
            Schema.objectOutput("id", "status", "ignored_fields"), call -> {
              long id = call.id("workflow_template_id");
              if (call.args().has("inventory")) {
                Guard.inventory(call, call.args().requireInteger("inventory"));
              }
              ObjectNode body = call.body("extra_vars", "limit", "inventory", "scm_branch");
              LaunchResult launch = call.client().launch("workflow_job_templates/" + id + "/launch/", body);
              return Launches.result(call, "workflow job", "workflow_jobs", "workflow template #" + id, launch);
            }),
        Generic.list(SET, "workflow_jobs_list", "workflow jobs",
            "List workflow jobs, newest first (GET workflow_jobs/), optionally by status.",
            Schema.input().choice("status", "Only workflow jobs in this status", STATUSES),
            call -> "workflow_jobs/", (call, query) -> {
              query.putIfAbsent("order_by", "-id");
              Call.putIfSet(query, "status", call.string("status"));
            }),
        Generic.get(SET, "workflow_job_get", "workflow job", "workflow_jobs", "workflow_job_id"),
        Generic.list(SET, "workflow_job_nodes", "workflow job nodes",
            "The nodes of a workflow job (GET workflow_jobs/{id}/workflow_nodes/) with the job each one ran.",
            Schema.input().id("workflow_job_id", "The workflow job's id"),
            call -> "workflow_jobs/" + call.id("workflow_job_id") + "/workflow_nodes/"),
        Generic.cancel(SET, "workflow_job_cancel", "workflow job", "workflow_jobs", "workflow_job_id"),
        ToolSpec.of(SET, Kind.LAUNCH, "workflow_job_relaunch", "Relaunch a workflow job",
            "Relaunch a workflow job (POST workflow_jobs/{id}/relaunch/, no body). Never retried.",
            Launches.waiting(Schema.input().id("workflow_job_id", "The workflow job's id")).build(),
            Schema.objectOutput("id", "status"), call -> {
              long id = call.id("workflow_job_id");
              LaunchResult launch = call.client().launch("workflow_jobs/" + id + "/relaunch/", null);
              return Launches.result(call, "workflow job", "workflow_jobs", "workflow job #" + id, launch);
            }),
        Generic.await(SET, "workflow_job_wait", "workflow job", "workflow_jobs", "workflow_job_id"),
        Generic.list(SET, "workflow_approvals_list", "workflow approvals",
            "List workflow approvals (GET workflow_approvals/), by default the pending ones.",
            Schema.input().choice("status", "Approval status (default pending)", STATUSES),
            call -> "workflow_approvals/", (call, query) -> query.put("status", call.args().string("status",
                "pending"))),
        decide("workflow_approval_approve", "approve", "Approve"),
        decide("workflow_approval_deny", "deny", "Deny"));
  }

  private static ToolSpec decide(String name, String action, String verb) {
    return ToolSpec.of(SET, Kind.LAUNCH, name, verb + " a workflow approval",
        verb + " a pending workflow approval (POST workflow_approvals/{id}/" + action + "/); the workflow then "
            + "follows its " + (action.equals("approve") ? "success" : "failure") + " path. Cannot be undone.",
        Schema.input().id("approval_id", "The workflow approval's id").build(), null, call -> {
          long id = call.id("approval_id");
          try {
            call.client().post("workflow_approvals/" + id + "/" + action + "/", null);
          } catch (AwxException e) {
            if (e.status() == 400 || e.status() == 405) {
              throw new ToolException("Approval #" + id + " cannot be decided: " + e.awxMessage());
            }
            throw e;
          }
          JsonNode approval = call.client().get("workflow_approvals/" + id + "/");
          return Results.done(verb + "d approval #" + id + "; status " + approval.path("status").asText(),
              Map.of("id", id, "action", action, "status", approval.path("status").asText()));
        });
  }
}
