package dev.conduit.awx.tools.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.awx.LaunchResult;
import java.util.List;
import java.util.Map;

/** The {@code schedules} and {@code ad_hoc} toolsets. */
public final class MoreTools {

  private MoreTools() {}

  /** The schedule tools. */
  public static List<ToolSpec> schedules() {
    String set = "schedules";
    return List.of(
        Generic.list(set, "schedules_list", "schedules",
            "List schedules (GET schedules/) with their rrule, next run and template; filter by template with "
                + "unified_job_template.",
            Schema.input().integer("unified_job_template", "Only schedules of this template id", 1L, null),
            call -> "schedules/", (call, query) -> {
              if (call.args().has("unified_job_template")) {
                query.put("unified_job_template", Long.toString(call.args().requireInteger("unified_job_template")));
              }
            }),
        Generic.get(set, "schedule_get", "schedule", "schedules", "schedule_id"),
        Generic.create(set, "schedule_create", "schedule",
            "Schedule a job template, workflow template, project or inventory source (POST schedules/) with an "
                + "iCal rrule such as 'DTSTART;TZID=UTC:20260101T020000 RRULE:FREQ=DAILY;INTERVAL=1'. Try the rule "
                + "with schedule_preview first.",
            Schema.input().id("unified_job_template", "The id of the template to run").string("name", "Name")
                .pattern("rrule", "The iCal rule: DTSTART plus RRULE", "^DTSTART.*RRULE:.+")
                .string("description", "Description").object("extra_data", "Extra variables for the runs")
                .bool("enabled", "Whether it runs (default true)").require("name", "rrule"),
            call -> "schedules/", (call, body) -> body.put("unified_job_template",
                call.id("unified_job_template")), "name", "rrule", "description", "extra_data", "enabled"),
        ToolSpec.of(set, Kind.UPDATE, "schedule_set_enabled", "Enable or disable a schedule",
            "Turn a schedule on or off (PATCH schedules/{id}/ {\"enabled\": ...}).",
            Schema.input().id("schedule_id", "The schedule's id").bool("enabled", "true to enable, false to disable")
                .require("enabled").build(), Schema.objectOutput("id"), call -> {
              boolean enabled = call.args().bool("enabled", true);
              JsonNode schedule = call.client().patch("schedules/" + call.id("schedule_id") + "/",
                  Map.of("enabled", enabled));
              return Results.done((enabled ? "Enabled" : "Disabled") + " schedule " + Results.label(schedule),
                  schedule);
            }),
        Generic.delete(set, "schedule_delete", "schedule", "schedules", "schedule_id"),
        ToolSpec.of(set, Kind.READ, "schedule_preview", "Preview an rrule",
            "The next run times of an iCal rrule, local and UTC (POST schedules/preview/); changes nothing.",
            Schema.input().pattern("rrule", "The iCal rule: DTSTART plus RRULE", "^DTSTART.*RRULE:.+")
                .require("rrule").build(), Schema.objectOutput(), call -> {
              JsonNode preview = call.client().post("schedules/preview/", Map.of("rrule", call.string("rrule")));
              JsonNode utc = preview.path("utc");
              return Results.done("Next runs (UTC): " + (utc.isArray() && utc.size() > 0
                  ? utc.get(0).asText() + (utc.size() > 1 ? ", " + utc.get(1).asText() + ", …" : "") : "none"),
                  preview);
            }));
  }

  /** The ad hoc command tools. */
  public static List<ToolSpec> adHoc() {
    String set = "ad_hoc";
    return List.of(
        Generic.list(set, "ad_hoc_commands_list", "ad hoc commands", "ad_hoc_commands",
            "List ad hoc commands (GET ad_hoc_commands/) with their module, inventory and status."),
        ToolSpec.of(set, Kind.LAUNCH, "ad_hoc_command_run", "Run an ad hoc command",
            "Run one Ansible module against an inventory's hosts (POST ad_hoc_commands/), e.g. module ping or "
                + "shell with module_args 'uptime'. Never retried. With wait=true, waits for it.",
            Launches.waiting(Schema.input().id("inventory", "The inventory's id")
                .id("credential", "The machine credential's id")
                .string("module_name", "The module, e.g. ping, shell, command, setup, service")
                .string("module_args", "The module's arguments").string("limit", "Host pattern (default all)")
                .choice("job_type", "run (default) or check", List.of("run", "check"))
                .integer("forks", "Parallel processes", 0L, 1000L)
                .integer("verbosity", "0 to 5", 0L, 5L).bool("become_enabled", "Run with become (sudo)")
                .bool("diff_mode", "Show diffs").object("extra_vars", "Extra variables")
                .require("module_name")).build(),
            Schema.objectOutput("id", "status"), call -> {
              Guard.inventory(call, call.id("inventory"));
              ObjectNode body = call.body("inventory", "credential", "module_name", "module_args", "limit",
                  "job_type", "forks", "verbosity", "become_enabled", "diff_mode", "extra_vars");
              Generic.stringify(body, "extra_vars");
              LaunchResult launch = call.client().launch("ad_hoc_commands/", body);
              return Launches.result(call, "ad hoc command", "ad_hoc_commands",
                  "module " + call.string("module_name"), launch);
            }),
        Generic.get(set, "ad_hoc_command_get", "ad hoc command", "ad_hoc_commands", "ad_hoc_command_id"),
        Generic.cancel(set, "ad_hoc_command_cancel", "ad hoc command", "ad_hoc_commands", "ad_hoc_command_id"),
        Generic.await(set, "ad_hoc_command_wait", "ad hoc command", "ad_hoc_commands", "ad_hoc_command_id"),
        ToolSpec.of(set, Kind.READ, "ad_hoc_command_stdout", "Ad hoc command output",
            "An ad hoc command's output (GET ad_hoc_commands/{id}/stdout/), as text or JSON, optionally the tail.",
            Stdout.schema("ad_hoc_command_id", "ad hoc command").build(), Schema.objectOutput("content"),
            call -> Stdout.read(call, "ad_hoc_commands", call.id("ad_hoc_command_id"),
                "ad_hoc_commands/" + call.id("ad_hoc_command_id") + "/events/")));
  }
}
