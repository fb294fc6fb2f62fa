package dev.conduit.awx.tools;

import static dev.conduit.awx.fake.FakeAwx.empty;
import static dev.conduit.awx.fake.FakeAwx.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.awx.AwxAuth;
import dev.conduit.awx.env.AwxEnvironment;
import dev.conduit.awx.env.AwxEnvironments;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every tool of the catalogue: its description, and the AWX call it makes. */
class CatalogTest {

  private static final String OBJECT = "{\"id\":5,\"name\":\"thing\",\"status\":\"successful\","
      + "\"inputs\":{\"username\":\"u\",\"password\":\"$encrypted$\"}}";
  private static final String PAGE = Harness.page(OBJECT);

  private final Harness h = new Harness();

  @AfterEach
  void tearDown() {
    h.close();
  }

  /** Tool, arguments, the AWX request it must make, and AWX's answer. */
  static Stream<Arguments> calls() {
    return Stream.of(
        call("inventories_list", "{}", "GET", "/api/v2/inventories/", 200, PAGE),
        call("inventory_get", "{\"inventory_id\":5}", "GET", "/api/v2/inventories/5/", 200, OBJECT),
        call("inventory_create", "{\"name\":\"n\",\"organization\":1,\"variables\":{\"a\":1}}", "POST",
            "/api/v2/inventories/", 201, OBJECT),
        call("inventory_delete", "{\"inventory_id\":5}", "DELETE", "/api/v2/inventories/5/", 204, ""),
        call("hosts_list", "{}", "GET", "/api/v2/hosts/", 200, PAGE),
        call("hosts_list", "{\"inventory_id\":5}", "GET", "/api/v2/inventories/5/hosts/", 200, PAGE),
        call("host_get", "{\"host_id\":5}", "GET", "/api/v2/hosts/5/", 200, OBJECT),
        call("host_create", "{\"inventory_id\":5,\"name\":\"web1\"}", "POST", "/api/v2/inventories/5/hosts/", 201,
            OBJECT),
        call("host_delete", "{\"host_id\":5}", "DELETE", "/api/v2/hosts/5/", 204, ""),
        call("groups_list", "{\"inventory_id\":5}", "GET", "/api/v2/inventories/5/groups/", 200, PAGE),
        call("group_get", "{\"group_id\":5}", "GET", "/api/v2/groups/5/", 200, OBJECT),
        call("group_create", "{\"inventory_id\":5,\"name\":\"web\"}", "POST", "/api/v2/inventories/5/groups/", 201,
            OBJECT),
        call("group_delete", "{\"group_id\":5}", "DELETE", "/api/v2/groups/5/", 204, ""),
        call("inventory_sources_list", "{}", "GET", "/api/v2/inventory_sources/", 200, PAGE),
        call("inventory_source_get", "{\"inventory_source_id\":5}", "GET", "/api/v2/inventory_sources/5/", 200,
            OBJECT),
        call("inventory_source_sync", "{\"inventory_source_id\":5}", "POST", "/api/v2/inventory_sources/5/update/",
            202, "{\"inventory_update\":9,\"status\":\"pending\"}"),
        call("projects_list", "{}", "GET", "/api/v2/projects/", 200, PAGE),
        call("project_get", "{\"project_id\":5}", "GET", "/api/v2/projects/5/", 200, OBJECT),
        call("project_create", "{\"name\":\"p\",\"organization\":1,\"scm_url\":\"https://git/x.git\"}", "POST",
            "/api/v2/projects/", 201, OBJECT),
        call("project_delete", "{\"project_id\":5}", "DELETE", "/api/v2/projects/5/", 204, ""),
        call("project_sync", "{\"project_id\":5}", "POST", "/api/v2/projects/5/update/", 202,
            "{\"project_update\":9,\"status\":\"pending\"}"),
        call("project_playbooks", "{\"project_id\":5}", "GET", "/api/v2/projects/5/playbooks/", 200,
            "[\"site.yml\",\"deploy.yml\"]"),
        call("workflow_templates_list", "{}", "GET", "/api/v2/workflow_job_templates/", 200, PAGE),
        call("workflow_template_get", "{\"workflow_template_id\":5}", "GET", "/api/v2/workflow_job_templates/5/",
            200, OBJECT),
        call("workflow_template_nodes", "{\"workflow_template_id\":5}", "GET",
            "/api/v2/workflow_job_templates/5/workflow_nodes/", 200, PAGE),
        call("workflow_launch", "{\"workflow_template_id\":5,\"extra_vars\":{\"a\":1}}", "POST",
            "/api/v2/workflow_job_templates/5/launch/", 201, "{\"workflow_job\":11,\"ignored_fields\":{}}"),
        call("workflow_jobs_list", "{\"status\":\"failed\"}", "GET", "/api/v2/workflow_jobs/", 200, PAGE),
        call("workflow_job_get", "{\"workflow_job_id\":5}", "GET", "/api/v2/workflow_jobs/5/", 200, OBJECT),
        call("workflow_job_nodes", "{\"workflow_job_id\":5}", "GET", "/api/v2/workflow_jobs/5/workflow_nodes/", 200,
            PAGE),
        call("workflow_job_cancel", "{\"workflow_job_id\":5}", "POST", "/api/v2/workflow_jobs/5/cancel/", 202, ""),
        call("workflow_job_relaunch", "{\"workflow_job_id\":5}", "POST", "/api/v2/workflow_jobs/5/relaunch/", 201,
            "{\"id\":12,\"type\":\"workflow_job\",\"status\":\"pending\"}"),
        call("workflow_job_wait", "{\"workflow_job_id\":5}", "GET", "/api/v2/workflow_jobs/5/", 200, OBJECT),
        call("workflow_approvals_list", "{}", "GET", "/api/v2/workflow_approvals/", 200, PAGE),
        call("schedules_list", "{\"unified_job_template\":7}", "GET", "/api/v2/schedules/", 200, PAGE),
        call("schedule_get", "{\"schedule_id\":5}", "GET", "/api/v2/schedules/5/", 200, OBJECT),
        call("schedule_create", "{\"unified_job_template\":7,\"name\":\"nightly\",\"rrule\":"
            + "\"DTSTART;TZID=UTC:20260101T020000 RRULE:FREQ=DAILY;INTERVAL=1\"}", "POST", "/api/v2/schedules/", 201,
            OBJECT),
        call("schedule_set_enabled", "{\"schedule_id\":5,\"enabled\":false}", "PATCH", "/api/v2/schedules/5/", 200,
            OBJECT),
        call("schedule_delete", "{\"schedule_id\":5}", "DELETE", "/api/v2/schedules/5/", 204, ""),
        call("schedule_preview", "{\"rrule\":\"DTSTART;TZID=UTC:20260101T020000 RRULE:FREQ=DAILY\"}", "POST",
            "/api/v2/schedules/preview/", 200, "{\"local\":[\"2026-01-01T02:00:00Z\"],\"utc\":[\"2026-01-01T02:00:00Z\"]}"),
        call("ad_hoc_commands_list", "{}", "GET", "/api/v2/ad_hoc_commands/", 200, PAGE),
        call("ad_hoc_command_run", "{\"inventory\":5,\"credential\":3,\"module_name\":\"ping\"}", "POST",
            "/api/v2/ad_hoc_commands/", 201, "{\"id\":13,\"type\":\"ad_hoc_command\",\"status\":\"pending\"}"),
        call("ad_hoc_command_get", "{\"ad_hoc_command_id\":5}", "GET", "/api/v2/ad_hoc_commands/5/", 200, OBJECT),
        call("ad_hoc_command_cancel", "{\"ad_hoc_command_id\":5}", "POST", "/api/v2/ad_hoc_commands/5/cancel/", 202,
            ""),
        call("ad_hoc_command_wait", "{\"ad_hoc_command_id\":5}", "GET", "/api/v2/ad_hoc_commands/5/", 200, OBJECT),
        call("ad_hoc_command_stdout", "{\"ad_hoc_command_id\":5}", "GET", "/api/v2/ad_hoc_commands/5/stdout/", 200,
            "\"pong\""),
        call("credentials_list", "{}", "GET", "/api/v2/credentials/", 200, PAGE),
        call("credential_get", "{\"credential_id\":5}", "GET", "/api/v2/credentials/5/", 200, OBJECT),
        call("credential_types_list", "{}", "GET", "/api/v2/credential_types/", 200, PAGE),
        call("credential_create", "{\"name\":\"c\",\"credential_type\":1,\"organization\":1,\"inputs\":"
            + "{\"username\":\"u\",\"password\":\"hunter2\"}}", "POST", "/api/v2/credentials/", 201, OBJECT),
        call("credential_delete", "{\"credential_id\":5}", "DELETE", "/api/v2/credentials/5/", 204, ""),
        call("notification_templates_list", "{}", "GET", "/api/v2/notification_templates/", 200, PAGE),
        call("notification_template_test", "{\"notification_template_id\":5}", "POST",
            "/api/v2/notification_templates/5/test/", 202, "{\"notification\":77}"),
        call("notifications_list", "{}", "GET", "/api/v2/notifications/", 200, PAGE),
        call("organizations_list", "{}", "GET", "/api/v2/organizations/", 200, PAGE),
        call("organization_get", "{\"organization_id\":5}", "GET", "/api/v2/organizations/5/", 200, OBJECT),
        call("teams_list", "{}", "GET", "/api/v2/teams/", 200, PAGE),
        call("team_get", "{\"team_id\":5}", "GET", "/api/v2/teams/5/", 200, OBJECT),
        call("users_list", "{}", "GET", "/api/v2/users/", 200, PAGE),
        call("user_get", "{\"user_id\":5}", "GET", "/api/v2/users/5/", 200, OBJECT),
        call("activity_stream_list", "{}", "GET", "/api/v2/activity_stream/", 200, PAGE),
        call("unified_jobs_list", "{\"filters\":{\"status\":\"failed\"}}", "GET", "/api/v2/unified_jobs/", 200, PAGE),
        call("unified_job_templates_list", "{}", "GET", "/api/v2/unified_job_templates/", 200, PAGE));
  }

  private static Arguments call(String tool, String args, String method, String path, int status, String body) {
    return Arguments.of(tool, args, method, path, status, body);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("calls")
  void callsTheRightEndpoint(String tool, String args, String method, String path, int status, String body) {
    MockResponse answer = body.isEmpty() ? empty(status) : json(status, body);
    h.awx.on(method, path, answer);
    CallToolResult result = h.call(tool, args);
    assertFalse(result.failed(), () -> tool + " failed: " + Harness.text(result));
    assertNotNull(result.structuredContent(), tool + " returned no structured content");
    assertFalse(Harness.text(result).isBlank());
    RecordedRequest request = h.awx.only(method, path);
    assertEquals("Bearer lab-token", request.getHeaders().get("Authorization"));
    assertFalse(result.structuredContent().toString().contains("hunter2"));
  }

  @Test
  void describesEveryToolCompletely() {
    List<Tool> tools = AwxTools.builder().environments(AwxEnvironments.of(
        List.of(AwxEnvironment.of("x", "http://awx", AwxAuth.none())), null)).build().tools();
    Set<String> names = new HashSet<>();
    for (Tool tool : tools) {
      assertTrue(names.add(tool.name()), "duplicate " + tool.name());
      assertTrue(tool.name().matches("[a-z][a-z_]*[a-z]"), tool.name());
      assertTrue(tool.description() != null && tool.description().length() > 20, tool.name());
      assertFalse(tool.inputSchema().path("additionalProperties").asBoolean(true), tool.name());
      assertNotNull(tool.annotations(), tool.name());
      assertNotNull(tool.annotations().readOnlyHint(), tool.name());
      boolean listOrGet = tool.name().endsWith("_list") || tool.name().endsWith("_get");
      if (listOrGet) {
        assertNotNull(tool.outputSchema(), tool.name() + " has no output schema");
        assertTrue(tool.annotations().readOnlyHint(), tool.name());
      }
      if (tool.name().endsWith("_delete") || tool.name().endsWith("_launch") || tool.name().endsWith("_relaunch")) {
        assertTrue(tool.annotations().destructiveHint(), tool.name());
      }
    }
    assertTrue(tools.size() >= 85, "only " + tools.size() + " tools");
  }

  @Test
  void masksCredentialInputsEvenWhenAwxEchoesThem() {
    h.awx.on("POST", "/api/v2/credentials/", json(201,
        "{\"id\":5,\"name\":\"c\",\"inputs\":{\"username\":\"u\",\"password\":\"hunter2\",\"ssh_key_data\":\"KEY\"}}"));
    CallToolResult result = h.call("credential_create",
        "{\"name\":\"c\",\"credential_type\":1,\"organization\":1,\"inputs\":{\"password\":\"hunter2\"}}");
    JsonNode inputs = result.structuredContent().path("inputs");
    assertEquals("u", inputs.path("username").asText());
    assertEquals("****", inputs.path("password").asText());
    assertEquals("****", inputs.path("ssh_key_data").asText());
    assertFalse(Harness.text(result).contains("hunter2"));
  }

  @Test
  void usesTheDefaultOrganizationWhenNoneIsNamed() {
    try (Harness withOrg = new Harness()) {
      withOrg.awx.on("POST", "/api/v2/inventories/", json(201, OBJECT));
      assertTrue(withOrg.fails("inventory_create", "{\"name\":\"n\"}").contains("default organization"));
    }
  }

  @Test
  void refusesHostsOfAnInventoryOffTheAllowlist() {
    try (Harness guarded = new Harness(b -> b, List.of("1"))) {
      guarded.awx.get("/api/v2/hosts/5/", "{\"id\":5,\"inventory\":2}");
      guarded.awx.get("/api/v2/inventories/2/", "{\"id\":2,\"name\":\"secret\"}");
      assertTrue(guarded.fails("host_delete", "{\"host_id\":5}").contains("allowlist"));
      assertTrue(guarded.awx.requests("DELETE", "/api/v2/hosts/5/").isEmpty());
    }
  }

  @Test
  void syncsAProjectAndWaits() {
    h.awx.on("POST", "/api/v2/projects/5/update/", json(202, "{\"project_update\":9,\"status\":\"pending\"}"));
    h.awx.on("GET", "/api/v2/project_updates/9/", json(200, "{\"id\":9,\"status\":\"running\"}"))
        .on("GET", "/api/v2/project_updates/9/", json(200, "{\"id\":9,\"status\":\"successful\"}"));
    JsonNode out = h.ok("project_sync", "{\"project_id\":5,\"wait\":true}");
    assertEquals(9, out.path("id").asInt());
    assertEquals("successful", out.path("status").asText());
  }

  @Test
  void approvesAWorkflowApproval() {
    h.awx.on("POST", "/api/v2/workflow_approvals/4/approve/", empty(204));
    h.awx.get("/api/v2/workflow_approvals/4/", "{\"id\":4,\"status\":\"successful\"}");
    assertEquals("successful", h.ok("workflow_approval_approve", "{\"approval_id\":4}").path("status").asText());
  }

  @Test
  void deniesAWorkflowApproval() {
    h.awx.on("POST", "/api/v2/workflow_approvals/4/deny/", empty(204));
    h.awx.get("/api/v2/workflow_approvals/4/", "{\"id\":4,\"status\":\"failed\"}");
    assertEquals("deny", h.ok("workflow_approval_deny", "{\"approval_id\":4}").path("action").asText());
    assertEquals(1, h.awx.requests("POST", "/api/v2/workflow_approvals/4/deny/").size());
  }

  @Test
  void rejectsAnRruleWithoutDtstart() {
    assertTrue(h.call("schedule_preview", "{\"rrule\":\"RRULE:FREQ=DAILY\"}").failed());
    assertTrue(h.awx.requests().isEmpty());
  }
}
