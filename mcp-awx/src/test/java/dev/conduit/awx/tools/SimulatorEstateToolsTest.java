package dev.conduit.awx.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.schema.CallToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The inventory, project, workflow, schedule, ad hoc, credential and notification tools against the AWX simulator. */
class SimulatorEstateToolsTest extends SimulatorFixture {

  @Test
  void managesAnInventoryWithHostsAndGroups() {
    long org = id("organizations_list", "Default");
    long inventory = ok("inventory_create", "{\"name\":\"Test inv\",\"organization\":" + org
        + ",\"variables\":{\"a\":1}}").path("id").asLong();
    long host = ok("host_create", "{\"inventory_id\":" + inventory + ",\"name\":\"h1\"}").path("id").asLong();
    long group = ok("group_create", "{\"inventory_id\":" + inventory + ",\"name\":\"g1\"}").path("id").asLong();
    assertEquals(1, ok("hosts_list", "{\"inventory_id\":" + inventory + "}").path("count").asInt());
    assertEquals(1, ok("groups_list", "{\"inventory_id\":" + inventory + "}").path("count").asInt());
    ok("host_delete", "{\"host_id\":" + host + "}");
    ok("group_delete", "{\"group_id\":" + group + "}");
    ok("inventory_delete", "{\"inventory_id\":" + inventory + "}");
  }

  @Test
  void syncsAnInventorySourceAndWaits() {
    long source = id("inventory_sources_list", "Demo Inventory Source");
    assertEquals("successful", ok("inventory_source_sync", "{\"inventory_source_id\":" + source + ",\"wait\":true}")
        .path("status").asText());
  }

  @Test
  void createsSyncsListsAndDeletesAProject() {
    long org = id("organizations_list", "Default");
    long project = ok("project_create", "{\"name\":\"Test project\",\"organization\":" + org
        + ",\"scm_url\":\"https://git.example.com/x.git\"}").path("id").asLong();
    assertEquals("successful", ok("project_sync", "{\"project_id\":" + project + ",\"wait\":true}")
        .path("status").asText());
    assertTrue(ok("project_playbooks", "{\"project_id\":" + project + "}").path("results").size() > 0);
    CallToolResult deleted = call("project_delete", "{\"project_id\":" + project + "}");
    assertFalse(deleted.failed(), Harness.text(deleted));
  }

  @Test
  void runsAWorkflowThroughItsApproval() {
    long template = id("workflow_templates_list", "Deploy pipeline (approval)");
    assertEquals(3, ok("workflow_template_nodes", "{\"workflow_template_id\":" + template + "}").path("count")
        .asInt());
    long job = ok("workflow_launch", "{\"workflow_template_id\":" + template + "}").path("id").asLong();
    JsonNode approvals = awaitPendingApproval(job);
    ok("workflow_approval_approve", "{\"approval_id\":" + approvals.get(0).path("id").asLong() + "}");
    assertEquals("successful", ok("workflow_job_wait", "{\"workflow_job_id\":" + job + "}").path("status").asText());
    assertEquals(3, ok("workflow_job_nodes", "{\"workflow_job_id\":" + job + "}").path("count").asInt());
    assertEquals("successful", ok("workflow_job_get", "{\"workflow_job_id\":" + job + "}").path("status").asText());
  }

  @Test
  void deniesAnApprovalAndRelaunchesTheWorkflow() {
    long template = id("workflow_templates_list", "Deploy pipeline (approval)");
    long job = ok("workflow_launch", "{\"workflow_template_id\":" + template + "}").path("id").asLong();
    JsonNode approvals = awaitPendingApproval(job);
    ok("workflow_approval_deny", "{\"approval_id\":" + approvals.get(0).path("id").asLong() + "}");
    ok("workflow_job_wait", "{\"workflow_job_id\":" + job + "}");
    long again = ok("workflow_job_relaunch", "{\"workflow_job_id\":" + job + "}").path("id").asLong();
    ok("workflow_job_cancel", "{\"workflow_job_id\":" + again + "}");
    assertEquals("canceled", ok("workflow_job_wait", "{\"workflow_job_id\":" + again + "}").path("status").asText());
  }

  private static JsonNode awaitPendingApproval(long workflowJob) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode results = ok("workflow_approvals_list", "{}").path("results");
      List<JsonNode> mine = new ArrayList<>();
      results.forEach(approval -> {
        if (approval.toString().contains("\"workflow_job\":" + workflowJob)
            || approval.path("summary_fields").path("source_workflow_job").path("id").asLong() == workflowJob) {
          mine.add(approval);
        }
      });
      if (!mine.isEmpty()) {
        return Harness.JSON.valueToTree(mine);
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    throw new AssertionError("no pending approval for workflow job " + workflowJob);
  }

  @Test
  void managesSchedules() {
    long template = id("job_templates_list", "Demo Job Template");
    String rrule = "DTSTART;TZID=UTC:20300101T020000 RRULE:FREQ=DAILY;INTERVAL=1";
    assertTrue(ok("schedule_preview", "{\"rrule\":\"" + rrule + "\"}").path("utc").size() > 0);
    long schedule = ok("schedule_create", "{\"unified_job_template\":" + template + ",\"name\":\"test sched\","
        + "\"rrule\":\"" + rrule + "\"}").path("id").asLong();
    assertFalse(ok("schedule_set_enabled", "{\"schedule_id\":" + schedule + ",\"enabled\":false}").path("enabled")
        .asBoolean());
    assertEquals(1, ok("schedules_list", "{\"unified_job_template\":" + template + ",\"filters\":{\"name\":"
        + "\"test sched\"}}").path("count").asInt());
    ok("schedule_delete", "{\"schedule_id\":" + schedule + "}");
  }

  @Test
  void runsAnAdHocCommand() {
    long inventory = id("inventories_list", "Demo Inventory");
    long credential = id("credentials_list", "Demo Credential");
    JsonNode run = ok("ad_hoc_command_run", "{\"inventory\":" + inventory + ",\"credential\":" + credential
        + ",\"module_name\":\"ping\",\"limit\":\"webservers\",\"wait\":true}");
    long id = run.path("id").asLong();
    assertEquals("successful", run.path("status").asText());
    assertEquals("successful", ok("ad_hoc_command_get", "{\"ad_hoc_command_id\":" + id + "}").path("status").asText());
    assertEquals("successful", ok("ad_hoc_command_wait", "{\"ad_hoc_command_id\":" + id + "}").path("status")
        .asText());
    assertFalse(ok("ad_hoc_command_stdout", "{\"ad_hoc_command_id\":" + id + "}").path("content").asText().isEmpty());
    assertTrue(Harness.text(call("ad_hoc_command_cancel", "{\"ad_hoc_command_id\":" + id + "}"))
        .contains("cannot be cancelled"));
  }

  @Test
  void createsAndDeletesACredentialWithoutShowingItsSecret() {
    long org = id("organizations_list", "Default");
    long type = id("credential_types_list", "Machine");
    CallToolResult created = call("credential_create", "{\"name\":\"test cred\",\"credential_type\":" + type
        + ",\"organization\":" + org + ",\"inputs\":{\"username\":\"u\",\"password\":\"hunter2\"}}");
    assertFalse(created.failed(), Harness.text(created));
    assertFalse(created.structuredContent().toString().contains("hunter2"));
    assertFalse(Harness.text(created).contains("hunter2"));
    ok("credential_delete", "{\"credential_id\":" + created.structuredContent().path("id").asLong() + "}");
  }

  @Test
  void sendsATestNotification() {
    long template = id("notification_templates_list", "Ops webhook");
    ok("notification_template_test", "{\"notification_template_id\":" + template + "}");
  }
}
