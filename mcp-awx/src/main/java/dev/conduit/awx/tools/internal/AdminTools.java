package dev.conduit.awx.tools.internal;

import java.util.List;

/** The {@code credentials}, {@code notifications}, {@code admin} and {@code activity} toolsets. */
public final class AdminTools {

  private AdminTools() {}

  /** The credential tools; secrets stay masked in every result. */
  public static List<ToolSpec> credentials() {
    String set = "credentials";
    return List.of(
        Generic.list(set, "credentials_list", "credentials", "credentials",
            "List credentials (GET credentials/); secret inputs are shown as AWX's $encrypted$ or masked."),
        Generic.get(set, "credential_get", "credential", "credentials", "credential_id"),
        Generic.list(set, "credential_types_list", "credential types", "credential_types",
            "List credential types (GET credential_types/) with the inputs each one takes."),
        Generic.create(set, "credential_create", "credential",
            "Create a credential (POST credentials/) of a credential type, with its inputs (e.g. username, "
                + "password, ssh_key_data). The inputs are never echoed back or logged.",
            Schema.input().string("name", "Name").string("description", "Description")
                .integer("credential_type", "Credential type id (see credential_types_list)", 1L, null)
                .integer("organization", "Organization id", 1L, null)
                .object("inputs", "The type's inputs, e.g. {\"username\": \"deploy\", \"password\": \"...\"}")
                .require("name", "credential_type", "inputs"),
            call -> "credentials/", Generic::organization, "name", "description", "credential_type",
            "organization", "inputs"),
        Generic.delete(set, "credential_delete", "credential", "credentials", "credential_id"));
  }

  /** The notification tools. */
  public static List<ToolSpec> notifications() {
    String set = "notifications";
    return List.of(
        Generic.list(set, "notification_templates_list", "notification templates", "notification_templates",
            "List notification templates (GET notification_templates/): e-mail, Slack, webhook and others."),
        ToolSpec.of(set, Kind.START, "notification_template_test", "Send a test notification",
            "Send a test message through a notification template (POST notification_templates/{id}/test/); the "
                + "result names the notification to check with notifications_list.",
            Schema.input().id("notification_template_id", "The notification template's id").build(),
            Schema.objectOutput(), call -> {
              long id = call.id("notification_template_id");
              var answer = call.client().post("notification_templates/" + id + "/test/", null);
              return Results.done("Test notification sent through template #" + id
                  + (answer.has("notification") ? " (notification #" + answer.path("notification").asLong() + ")"
                  : ""), answer.isMissingNode() ? Schema.JSON.createObjectNode() : answer);
            }),
        Generic.list(set, "notifications_list", "notifications", "notifications",
            "List sent notifications (GET notifications/) with their status and error."));
  }

  /** Organizations, teams and users. */
  public static List<ToolSpec> admin() {
    String set = "admin";
    return List.of(
        Generic.list(set, "organizations_list", "organizations", "organizations", "List organizations (GET organizations/) with their counts of users, teams, inventories and templates."),
        Generic.get(set, "organization_get", "organization", "organizations", "organization_id"),
        Generic.list(set, "teams_list", "teams", "teams", "List teams (GET teams/) with the organization each belongs to."),
        Generic.get(set, "team_get", "team", "teams", "team_id"),
        Generic.list(set, "users_list", "users", "users", "List users (GET users/), with superuser flags."),
        Generic.get(set, "user_get", "user", "users", "user_id"));
  }

  /** The activity stream and the unified lists. */
  public static List<ToolSpec> activity() {
    String set = "activity";
    return List.of(
        Generic.list(set, "activity_stream_list", "activity stream entries",
            "The audit trail (GET activity_stream/): who created, changed or deleted what, newest first. Filter "
                + "e.g. {\"object1\": \"job_template\"} or {\"timestamp__gt\": \"2026-01-01\"}.",
            Schema.input(), call -> "activity_stream/", (call, query) -> query.putIfAbsent("order_by", "-timestamp")),
        Generic.list(set, "unified_jobs_list", "unified jobs",
            "Every kind of job at once (GET unified_jobs/): playbook runs, workflow jobs, project and inventory "
                + "updates, ad hoc and system jobs, newest first; filter e.g. {\"status\": \"failed\"}.",
            Schema.input(), call -> "unified_jobs/", (call, query) -> query.putIfAbsent("order_by", "-id")),
        Generic.list(set, "unified_job_templates_list", "unified job templates", "unified_job_templates",
            "Every kind of template at once (GET unified_job_templates/): job and workflow templates, projects, "
                + "inventory sources."));
  }
}
