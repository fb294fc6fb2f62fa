package dev.conduit.awx.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.awx.AwxAuth;
import dev.conduit.awx.env.AwxEnvironment;
import dev.conduit.awx.env.AwxEnvironments;
import dev.conduit.awx.simulator.AwxSimulator;
import dev.conduit.awx.simulator.SeedData;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import dev.conduit.protocol.transport.TransportContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The system, environment, job and template tools against the AWX simulator. */
class SimulatorToolsTest extends SimulatorFixture {

  @ParameterizedTest
  @ValueSource(strings = {"environments_list", "environment_show", "system_ping", "system_me", "system_config",
      "system_settings",
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

  @Test
  void detectsTheClassicPrefixOfAwx() {
    try (AwxSimulator classic = AwxSimulator.builder().apiPrefix(dev.conduit.awx.simulator.ApiPrefix.CLASSIC)
            .token("t").start();
        AwxEnvironments envs = AwxEnvironments.of(
            List.of(AwxEnvironment.of("awx", classic.url().toString(), AwxAuth.bearer("t"))), null)) {
      dev.conduit.awx.AwxClient awx = envs.client(envs.defaultEnvironment());
      assertEquals("/api/v2/", awx.apiPrefix());
      assertEquals(1, awx.me().path("id").asInt());
    }
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
