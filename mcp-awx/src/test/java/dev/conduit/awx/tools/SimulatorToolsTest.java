package dev.conduit.awx.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.awx.AwxAuth;
import dev.conduit.awx.env.AwxEnvironment;
import dev.conduit.awx.env.AwxEnvironments;
import dev.conduit.awx.simulator.AwxSimulator;
import dev.conduit.awx.simulator.JobTiming;
import dev.conduit.awx.simulator.SeedData;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import dev.conduit.protocol.transport.TransportContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every tool against the AWX simulator (an AAP 2.5+ gateway prefix, detected), over a real MCP client. */
class SimulatorToolsTest {

  private static AwxSimulator sim;
  private static AwxEnvironments environments;
  private static McpServer server;
  private static final List<McpClient> clients = new ArrayList<>();
  private static McpClient client;

  @BeforeAll
  static void start() {
    sim = AwxSimulator.builder().seed(SeedData.demo()).jobTiming(JobTiming.fast()).token("sim-token")
        .auditor("auditor", "look-only").start();
    AwxEnvironment env = AwxEnvironment.of("sim", sim.url().toString(), AwxAuth.bearer("sim-token"));
    environments = AwxEnvironments.of(List.of(env), null);
    server = AwxTools.builder().environments(environments).pollInterval(Duration.ofMillis(10)).build()
        .registerOn(McpServer.builder().info("awx", "1")).build();
    client = connect(TransportContext.empty());
  }

  @AfterAll
  static void stop() {
    clients.forEach(McpClient::close);
    server.close();
    environments.close();
    sim.close();
  }

  private static McpClient connect(TransportContext context) {
    InMemoryTransport.Pair pair = InMemoryTransport.builder().serverContext(context).build();
    server.connect(pair.server());
    McpClient connected = McpClient.builder().transport(pair.client()).requestTimeout(Duration.ofSeconds(60))
        .connect();
    clients.add(connected);
    return connected;
  }

  private static CallToolResult call(String tool, String args) {
    return client.callTool(tool, Harness.json(args), RequestOptions.defaults());
  }

  private static JsonNode ok(String tool, String args) {
    CallToolResult result = call(tool, args);
    assertFalse(result.failed(), () -> tool + " " + args + " failed: " + Harness.text(result));
    return result.structuredContent();
  }

  /** The id of the object named {@code name} that {@code listTool} lists. */
  private static long id(String listTool, String name) {
    JsonNode results = ok(listTool, "{\"filters\":{\"name\":\"" + name + "\"}}").path("results");
    assertEquals(1, results.size(), () -> name + " not found by " + listTool + ": " + results);
    return results.get(0).path("id").asLong();
  }

  private static long launch(String template, String extra) {
    JsonNode out = ok("job_launch", "{\"job_template_id\":" + id("job_templates_list", template) + extra + "}");
    return out.path("id").asLong();
  }

  @ParameterizedTest
  @ValueSource(strings = {"environments_list", "environment_show", "system_ping", "system_me", "system_config",
      "job_templates_list", "jobs_list", "inventories_list", "hosts_list", "groups_list", "inventory_sources_list",
      "projects_list", "workflow_templates_list", "workflow_jobs_list", "workflow_approvals_list", "schedules_list",
      "ad_hoc_commands_list", "credentials_list", "credential_types_list", "notification_templates_list",
      "notifications_list", "organizations_list", "teams_list", "users_list", "activity_stream_list",
      "unified_jobs_list", "unified_job_templates_list"})
  void readToolsWork(String tool) {
    ok(tool, "{}");
  }

  @Test
  void detectsTheGatewayPrefixAndTestsTheCredentials() {
    JsonNode out = ok("environment_test", "{}");
    assertTrue(out.path("ok").asBoolean(), out.toString());
    assertEquals("/api/controller/v2/", out.path("api_prefix").asText());
    assertTrue(sim.state().requestCount("GET", "/api/v2/.*") == 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"job_template_get:job_templates_list:job_template_id:Demo Job Template",
      "inventory_get:inventories_list:inventory_id:Demo Inventory",
      "host_get:hosts_list:host_id:web1.example.com", "group_get:groups_list:group_id:webservers",
      "inventory_source_get:inventory_sources_list:inventory_source_id:Demo Inventory Source",
      "project_get:projects_list:project_id:Demo Project",
      "workflow_template_get:workflow_templates_list:workflow_template_id:Deploy pipeline (approval)",
      "schedule_get:schedules_list:schedule_id:Nightly hello",
      "credential_get:credentials_list:credential_id:Demo Credential",
      "organization_get:organizations_list:organization_id:Default", "team_get:teams_list:team_id:Operations"})
  void getToolsWork(String spec) {
    String[] parts = spec.split(":");
    JsonNode out = ok(parts[0], "{\"" + parts[2] + "\":" + id(parts[1], parts[3]) + "}");
    assertEquals(parts[3], out.path("name").asText());
    assertFalse(out.toString().contains("s3cret"));
  }

  @Test
  void getsAUser() {
    JsonNode me = ok("system_me", "{}");
    assertEquals(me.path("username").asText(), ok("user_get", "{\"user_id\":" + me.path("id").asLong() + "}")
        .path("username").asText());
  }

  @Test
  void launchesWithPromptsWaitsAndReadsTheResults() {
    long job = launch("Run site playbook (prompts)",
        ",\"limit\":\"webservers\",\"tags\":[\"deploy\"],\"extra_vars\":{\"release\":\"2\"},\"wait\":true");
    assertEquals("successful", ok("job_get", "{\"job_id\":" + job + "}").path("status").asText());
    assertTrue(ok("job_stdout", "{\"job_id\":" + job + ",\"tail_lines\":5}").path("content").asText()
        .contains("PLAY RECAP"));
    assertTrue(ok("job_events", "{\"job_id\":" + job + "}").path("results").size() > 3);
    assertEquals(2, ok("job_host_summaries", "{\"job_id\":" + job + "}").path("results").size());
    JsonNode relaunched = ok("job_relaunch", "{\"job_id\":" + job + ",\"wait\":true}");
    assertEquals("successful", relaunched.path("status").asText());
  }

  @Test
  void surfacesFieldsTheTemplateDoesNotPromptFor() {
    long template = id("job_templates_list", "Demo Job Template");
    JsonNode out = ok("job_launch", "{\"job_template_id\":" + template + ",\"limit\":\"web1.example.com\"}");
    assertTrue(out.path("ignored_fields").has("limit"), out.toString());
    ok("job_wait", "{\"job_id\":" + out.path("id").asLong() + "}");
  }

  @Test
  void classifiesAFailedJobAndRelaunchesItsFailedHosts() {
    long job = launch("Patch servers (fails)", ",\"wait\":true");
    JsonNode summary = ok("job_failure_summary", "{\"job_id\":" + job + "}");
    assertEquals("failed", summary.path("status").asText());
    assertTrue(summary.path("failed_hosts").toString().contains("web2.example.com"), summary.toString());
    assertFalse("unknown".equals(summary.path("category").asText()), summary.toString());
    JsonNode relaunched = ok("job_relaunch", "{\"job_id\":" + job + ",\"hosts\":\"failed\",\"wait\":true}");
    assertEquals("failed", relaunched.path("status").asText());
  }

  @Test
  void classifiesAnUnreachableHost() {
    long job = launch("Run site playbook (prompts)",
        ",\"extra_vars\":{\"simulate_unreachable\":\"db1.example.com\"},\"wait\":true");
    assertEquals("unreachable_host", ok("job_failure_summary", "{\"job_id\":" + job + "}").path("category").asText());
  }

  @Test
  void cancelsAHangingJob() {
    long job = launch("Run site playbook (prompts)", ",\"extra_vars\":{\"simulate_hang\":true}");
    ok("job_cancel", "{\"job_id\":" + job + "}");
    assertEquals("canceled", ok("job_wait", "{\"job_id\":" + job + "}").path("status").asText());
    assertTrue(call("job_cancel", "{\"job_id\":" + job + "}").failed());
  }

  @Test
  void cancelsTheAwxJobWhenTheWaitIsAbortedWithCancelOnAbort() throws Exception {
    long job = launch("Run site playbook (prompts)", ",\"extra_vars\":{\"simulate_hang\":true}");
    java.util.concurrent.CountDownLatch polled = new java.util.concurrent.CountDownLatch(1);
    CompletableFuture<CallToolResult> waiting = client.async().callTool("job_wait",
        Harness.json("{\"job_id\":" + job + ",\"cancel_on_abort\":true}"), RequestOptions.progress(p -> polled.countDown()));
    assertTrue(polled.await(30, java.util.concurrent.TimeUnit.SECONDS));
    waiting.cancel(true);
    awaitTrue(() -> "canceled".equals(sim.state().jobStatus((int) job).orElse("")));
  }

  @Test
  void fallsBackToTheDownloadForOutputTooLargeToDisplay() {
    try (AwxSimulator small = AwxSimulator.builder().seed(SeedData.demo()).token("t").stdoutMaxBytesDisplay(500)
            .start();
        AwxEnvironments envs = AwxEnvironments.of(
            List.of(AwxEnvironment.of("small", small.url().toString(), AwxAuth.bearer("t"))), null);
        McpServer smallServer = AwxTools.builder().environments(envs).toolsets("jobs")
            .pollInterval(Duration.ofMillis(10)).build().registerOn(McpServer.builder().info("awx", "1")).build()) {
      InMemoryTransport.Pair pair = InMemoryTransport.pair();
      smallServer.connect(pair.server());
      try (McpClient c = McpClient.builder().transport(pair.client()).connect()) {
        JsonNode templates = c.callTool("job_templates_list", Harness.json("{\"search\":\"prompts\"}"),
            RequestOptions.defaults()).structuredContent().path("results");
        JsonNode launched = c.callTool("job_launch", Harness.json("{\"job_template_id\":"
            + templates.get(0).path("id").asLong() + ",\"extra_vars\":{\"simulate_output_lines\":200},"
            + "\"wait\":true}"), RequestOptions.defaults()).structuredContent();
        JsonNode out = c.callTool("job_stdout", Harness.json("{\"job_id\":" + launched.path("id").asLong()
            + ",\"tail_lines\":10}"), RequestOptions.defaults()).structuredContent();
        assertEquals("txt_download", out.path("source").asText(), out.toString());
        assertTrue(out.path("trimmed").asBoolean());
        assertTrue(out.path("content").asText().contains("PLAY RECAP"));
      }
    }
  }

  @Test
  void deletesAFinishedJob() {
    long job = launch("Demo Job Template", ",\"wait\":true");
    CallToolResult result = call("job_delete", "{\"job_id\":" + job + "}");
    assertFalse(result.failed(), Harness.text(result));
    assertTrue(call("job_get", "{\"job_id\":" + job + "}").failed());
  }

  @Test
  void readsTheSurveyAndTheLaunchPrompts() {
    long survey = id("job_templates_list", "Deploy app (survey)");
    assertEquals(3, ok("job_template_survey", "{\"job_template_id\":" + survey + "}").path("spec").size());
    long prompts = id("job_templates_list", "Run site playbook (prompts)");
    assertTrue(ok("job_template_launch_info", "{\"job_template_id\":" + prompts + "}").path("ask_limit_on_launch")
        .asBoolean());
  }

  @Test
  void createsAndDeletesAJobTemplate() {
    long project = id("projects_list", "Demo Project");
    long inventory = id("inventories_list", "Demo Inventory");
    long created = ok("job_template_create", "{\"name\":\"Made by a test\",\"project\":" + project
        + ",\"inventory\":" + inventory + ",\"playbook\":\"site.yml\"}").path("id").asLong();
    ok("job_template_delete", "{\"job_template_id\":" + created + "}");
    assertTrue(call("job_template_get", "{\"job_template_id\":" + created + "}").failed());
  }

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

  /** Waits, generously, for something the simulator does in the background. */
  private static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the condition did not become true in 30 s");
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
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

  @Test
  void reportsAnAuditorsLaunchAsForbidden() {
    McpClient auditor = connect(TransportContext.ofHeaders(Map.of("X-AWX-Username", List.of("auditor"),
        "X-AWX-Password", List.of("look-only"))));
    long template = id("job_templates_list", "Demo Job Template");
    CallToolResult result = auditor.callTool("job_launch", Harness.json("{\"job_template_id\":" + template + "}"),
        RequestOptions.defaults());
    assertTrue(result.failed());
    assertTrue(Harness.text(result).contains("403"), Harness.text(result));
  }

  @Test
  void reportsWrongHeaderCredentials() {
    McpClient stranger = connect(TransportContext.ofHeaders(Map.of("X-AWX-Token", List.of("wrong"))));
    JsonNode out = stranger.callTool("environment_test", Harness.json("{}"), RequestOptions.defaults())
        .structuredContent();
    assertFalse(out.path("ok").asBoolean());
    assertEquals(401, out.path("status").asInt());
  }
}
