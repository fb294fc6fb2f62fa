package dev.conduit.awx.tools;

import static dev.conduit.awx.fake.FakeAwx.empty;
import static dev.conduit.awx.fake.FakeAwx.json;
import static dev.conduit.awx.tools.Harness.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ProgressNotificationParams;
import dev.conduit.protocol.transport.TransportContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobToolsTest {

  private static final String TEMPLATE = "{\"id\":7,\"type\":\"job_template\",\"name\":\"Deploy\",\"inventory\":1}";
  private static final String RUNNING = "{\"id\":42,\"type\":\"job\",\"status\":\"running\",\"failed\":false}";
  private static final String DONE = "{\"id\":42,\"type\":\"job\",\"status\":\"successful\",\"failed\":false,"
      + "\"elapsed\":3.5}";

  private final Harness h = new Harness();

  @AfterEach
  void tearDown() {
    h.close();
  }

  private JsonNode body(RecordedRequest request) {
    return Harness.json(request.getBody().utf8());
  }

  @Test
  void listsJobTemplatesWithSearchAndPaging() {
    h.awx.get("/api/v2/job_templates/", "{\"count\":30,\"next\":\"/api/v2/job_templates/?page=2\",\"previous\":null,"
        + "\"results\":[" + TEMPLATE + "]}");
    CallToolResult result = h.call("job_templates_list", "{\"search\":\"dep\",\"page_size\":1,\"filters\":{\"project\":6}}");
    JsonNode out = result.structuredContent();
    assertEquals(30, out.path("count").asInt());
    assertEquals(2, out.path("next_page").asInt());
    RecordedRequest request = h.awx.only("GET", "/api/v2/job_templates/");
    assertEquals("dep", request.getUrl().queryParameter("search"));
    assertEquals("6", request.getUrl().queryParameter("project"));
    assertTrue(Harness.text(result).contains("'Deploy' (#7)"));
  }

  @Test
  void getsAJobTemplate() {
    h.awx.get("/api/v2/job_templates/7/", TEMPLATE);
    assertEquals("Deploy", h.ok("job_template_get", "{\"job_template_id\":7}").path("name").asText());
  }

  @Test
  void rejectsAnIdBelowOneBeforeCallingAwx() {
    assertTrue(h.call("job_template_get", "{\"job_template_id\":0}").failed());
    assertTrue(h.awx.requests().isEmpty());
  }

  @Test
  void showsTheLaunchPrompts() {
    h.awx.get("/api/v2/job_templates/7/launch/", "{\"ask_limit_on_launch\":true,\"ask_variables_on_launch\":false,"
        + "\"can_start_without_user_input\":true,\"defaults\":{\"limit\":\"\"}}");
    CallToolResult result = h.call("job_template_launch_info", "{\"job_template_id\":7}");
    assertTrue(Harness.text(result).contains("limit"));
    assertTrue(result.structuredContent().path("ask_limit_on_launch").asBoolean());
  }

  @Test
  void launchesWithEveryPromptAndSurfacesIgnoredFields() {
    h.awx.get("/api/v2/job_templates/7/", TEMPLATE);
    h.awx.on("POST", "/api/v2/job_templates/7/launch/", json(201,
        "{\"job\":42,\"id\":42,\"type\":\"job\",\"status\":\"pending\",\"ignored_fields\":{\"forks\":5}}"));
    CallToolResult result = h.call("job_launch", """
        {"job_template_id":7,"extra_vars":{"release":"1.2"},"limit":"web","tags":["a","b"],"skip_tags":["c"],
         "inventory":3,"credentials":[4],"scm_branch":"main","job_type":"check","verbosity":2,"diff_mode":true,
         "forks":5,"timeout":60}""");
    assertFalse(result.failed(), Harness.text(result));
    assertEquals(42, result.structuredContent().path("id").asInt());
    assertEquals(5, result.structuredContent().path("ignored_fields").path("forks").asInt());
    assertTrue(Harness.text(result).contains("ignored forks"));
    JsonNode sent = body(h.awx.only("POST", "/api/v2/job_templates/7/launch/"));
    assertEquals("1.2", sent.path("extra_vars").path("release").asText());
    assertEquals("a,b", sent.path("job_tags").asText());
    assertEquals("c", sent.path("skip_tags").asText());
    assertEquals(3, sent.path("inventory").asInt());
    assertEquals(4, sent.path("credentials").get(0).asInt());
    assertEquals("check", sent.path("job_type").asText());
    assertTrue(sent.path("diff_mode").asBoolean());
  }

  @Test
  void neverRetriesALaunchThatGot503() {
    h.awx.get("/api/v2/job_templates/7/", TEMPLATE);
    h.awx.on("POST", "/api/v2/job_templates/7/launch/", json(503, "{\"detail\":\"Service Unavailable\"}"));
    assertTrue(h.fails("job_launch", "{\"job_template_id\":7}").contains("503"));
    assertEquals(1, h.awx.requests("POST", "/api/v2/job_templates/7/launch/").size());
  }

  @Test
  void refusesATemplateOffTheAllowlist() {
    h.awx.get("/api/v2/job_templates/8/", "{\"id\":8,\"name\":\"Wipe\",\"inventory\":1}");
    assertTrue(h.fails("job_launch", "{\"job_template_id\":8,\"environment\":\"prod\"}").contains("allowlist"));
    assertTrue(h.awx.requests("POST", "/api/v2/job_templates/8/launch/").isEmpty());
  }

  @Test
  void refusesAnInventoryOffTheAllowlist() {
    h.awx.get("/api/v2/job_templates/7/", TEMPLATE);
    h.awx.get("/api/v2/inventories/2/", "{\"id\":2,\"name\":\"Prod DB\"}");
    assertTrue(h.fails("job_launch", "{\"job_template_id\":7,\"inventory\":2,\"environment\":\"prod\"}")
        .contains("Inventory #2"));
    assertTrue(h.awx.requests("POST", "/api/v2/job_templates/7/launch/").isEmpty());
  }

  @Test
  void launchesAndWaitsWithProgress() {
    h.awx.get("/api/v2/job_templates/7/", TEMPLATE);
    h.awx.on("POST", "/api/v2/job_templates/7/launch/", json(201, "{\"job\":42,\"ignored_fields\":{}}"));
    h.awx.on("GET", "/api/v2/jobs/42/", json(200, RUNNING)).on("GET", "/api/v2/jobs/42/", json(200, DONE));
    List<ProgressNotificationParams> progress = new CopyOnWriteArrayList<>();
    McpClient client = h.connect(TransportContext.empty());
    CallToolResult result = client.callTool("job_launch", Harness.json("{\"job_template_id\":7,\"wait\":true}"),
        RequestOptions.progress(progress::add));
    assertEquals("successful", result.structuredContent().path("status").asText());
    assertTrue(result.structuredContent().path("finished").asBoolean());
    assertEquals(2, progress.size());
  }

  @Test
  void createsAJobTemplate() {
    h.awx.on("POST", "/api/v2/job_templates/", json(201, "{\"id\":9,\"name\":\"New\"}"));
    h.ok("job_template_create", "{\"name\":\"New\",\"project\":6,\"playbook\":\"site.yml\",\"extra_vars\":{\"a\":1}}");
    JsonNode sent = body(h.awx.only("POST", "/api/v2/job_templates/"));
    assertEquals("{\"a\":1}", sent.path("extra_vars").asText());
  }

  @Test
  void deletesAJobTemplateAndChecksTheStatus() {
    h.awx.on("DELETE", "/api/v2/job_templates/9/", empty(204));
    assertFalse(h.call("job_template_delete", "{\"job_template_id\":9}").failed());
    h.awx.on("DELETE", "/api/v2/job_templates/10/", json(409, "{\"error\":\"Resource is being used by running jobs.\"}"));
    assertTrue(h.fails("job_template_delete", "{\"job_template_id\":10}").contains("running jobs"));
  }

  @Test
  void readsTheSurvey() {
    h.awx.get("/api/v2/job_templates/7/survey_spec/", "{\"name\":\"\",\"spec\":[{\"variable\":\"release\"}]}");
    assertEquals("release", h.ok("job_template_survey", "{\"job_template_id\":7}").path("spec").get(0)
        .path("variable").asText());
  }

  @Test
  void listsJobsWithFiltersNewestFirst() {
    h.awx.get("/api/v2/jobs/", page(RUNNING));
    h.ok("jobs_list", "{\"status\":\"running\",\"job_template\":7,\"created_after\":\"2026-01-01\"}");
    RecordedRequest request = h.awx.only("GET", "/api/v2/jobs/");
    assertEquals("-id", request.getUrl().queryParameter("order_by"));
    assertEquals("running", request.getUrl().queryParameter("status"));
    assertEquals("7", request.getUrl().queryParameter("job_template"));
    assertEquals("2026-01-01", request.getUrl().queryParameter("created__gt"));
  }

  @Test
  void rejectsAnUnknownStatus() {
    assertTrue(h.call("jobs_list", "{\"status\":\"exploded\"}").failed());
  }

  @Test
  void getsAJob() {
    h.awx.get("/api/v2/jobs/42/", DONE);
    CallToolResult result = h.call("job_get", "{\"job_id\":42}");
    assertTrue(Harness.text(result).contains("successful"));
  }

  @Test
  void readsTheTailOfTheOutput() {
    h.awx.on("GET", "/api/v2/jobs/42/stdout/", new mockwebserver3.MockResponse.Builder().code(200)
        .setHeader("Content-Type", "text/plain").body("one\ntwo\nthree\n").build());
    JsonNode out = h.ok("job_stdout", "{\"job_id\":42,\"tail_lines\":2}");
    assertEquals("two\nthree", out.path("content").asText());
    assertEquals("txt", h.awx.only("GET", "/api/v2/jobs/42/stdout/").getUrl().queryParameter("format"));
  }

  @Test
  void fallsBackToTheDownloadWhenTheOutputIsTooLarge() {
    h.awx.on("GET", "/api/v2/jobs/42/stdout/", request -> "txt_download".equals(request.getUrl().queryParameter("format"))
        ? json(200, "full output") : json(200, "Standard Output too large to display (2000000 bytes), only download "
            + "supported for sizes over 1048576 bytes."));
    JsonNode out = h.ok("job_stdout", "{\"job_id\":42}");
    assertEquals("txt_download", out.path("source").asText());
    assertEquals("full output", out.path("content").asText());
  }

  @Test
  void fallsBackToEventsWhenStdoutIsMissing() {
    h.awx.get("/api/v2/jobs/42/job_events/", page("{\"stdout\":\"PLAY [all]\"}", "{\"stdout\":\"ok: [web1]\"}"));
    assertEquals("events", h.ok("job_stdout", "{\"job_id\":42}").path("source").asText());
  }

  @Test
  void readsTheOutputAsJsonWithARange() {
    h.awx.get("/api/v2/jobs/42/stdout/", "{\"range\":{\"start\":0,\"end\":2,\"absolute_end\":9},\"content\":\"a\\nb\"}");
    JsonNode out = h.ok("job_stdout", "{\"job_id\":42,\"format\":\"json\",\"start_line\":0,\"end_line\":2}");
    assertEquals(9, out.path("range").path("absolute_end").asInt());
    assertEquals("2", h.awx.only("GET", "/api/v2/jobs/42/stdout/").getUrl().queryParameter("end_line"));
  }

  @Test
  void listsOnlyFailedEvents() {
    h.awx.get("/api/v2/jobs/42/job_events/", page("{\"id\":1,\"counter\":5,\"event\":\"runner_on_failed\","
        + "\"host_name\":\"web1\",\"task\":\"install\",\"failed\":true,\"event_data\":{\"res\":{\"msg\":\"No package\"}}}"));
    JsonNode out = h.ok("job_events", "{\"job_id\":42,\"failed_only\":true}");
    assertEquals("No package", out.path("results").get(0).path("msg").asText());
    RecordedRequest request = h.awx.only("GET", "/api/v2/jobs/42/job_events/");
    assertEquals("true", request.getUrl().queryParameter("failed"));
    assertEquals("counter", request.getUrl().queryParameter("order_by"));
  }

  @Test
  void listsHostSummaries() {
    h.awx.get("/api/v2/jobs/42/job_host_summaries/", page("{\"id\":1,\"host_name\":\"web1\",\"failures\":1}"));
    assertEquals(1, h.ok("job_host_summaries", "{\"job_id\":42}").path("results").size());
  }

  @Test
  void cancelsAJobAnsweredWith202() {
    h.awx.on("POST", "/api/v2/jobs/42/cancel/", empty(202));
    assertTrue(h.ok("job_cancel", "{\"job_id\":42}").path("cancel_requested").asBoolean());
    assertEquals(1, h.awx.requests("POST", "/api/v2/jobs/42/cancel/").size());
  }

  @Test
  void explainsThatAFinishedJobCannotBeCancelled() {
    h.awx.on("POST", "/api/v2/jobs/42/cancel/", json(405, "{\"detail\":\"Method \\\"POST\\\" not allowed.\"}"));
    assertTrue(h.fails("job_cancel", "{\"job_id\":42}").contains("cannot be cancelled"));
  }

  @Test
  void relaunchesOnlyFailedHosts() {
    h.awx.get("/api/v2/jobs/42/", "{\"id\":42,\"status\":\"failed\",\"job_template\":7}");
    h.awx.get("/api/v2/job_templates/7/", TEMPLATE);
    h.awx.on("POST", "/api/v2/jobs/42/relaunch/", json(201, "{\"id\":43,\"type\":\"job\",\"status\":\"pending\"}"));
    assertEquals(43, h.ok("job_relaunch", "{\"job_id\":42,\"hosts\":\"failed\"}").path("id").asInt());
    assertEquals("failed", body(h.awx.only("POST", "/api/v2/jobs/42/relaunch/")).path("hosts").asText());
  }

  @Test
  void deletesAJob() {
    h.awx.on("DELETE", "/api/v2/jobs/42/", empty(204));
    assertTrue(h.ok("job_delete", "{\"job_id\":42}").path("deleted").asBoolean());
  }

  @Test
  void waitsForAJobWithProgress() {
    h.awx.on("GET", "/api/v2/jobs/42/", json(200, RUNNING)).on("GET", "/api/v2/jobs/42/", json(200, RUNNING))
        .on("GET", "/api/v2/jobs/42/", json(200, DONE));
    List<ProgressNotificationParams> progress = new CopyOnWriteArrayList<>();
    McpClient client = h.connect(TransportContext.empty());
    CallToolResult result = client.callTool("job_wait", Harness.json("{\"job_id\":42}"),
        RequestOptions.progress(progress::add));
    assertTrue(result.structuredContent().path("finished").asBoolean());
    assertEquals(3, progress.size());
    assertTrue(progress.get(0).message().contains("running"));
  }

  @Test
  void stopsWaitingWhenTheTimeoutPasses() {
    h.awx.get("/api/v2/jobs/42/", RUNNING);
    JsonNode out = h.ok("job_wait", "{\"job_id\":42,\"timeout_seconds\":1}");
    assertFalse(out.path("finished").asBoolean());
    assertEquals("running", out.path("status").asText());
  }

  @Test
  void cancelsTheAwxJobOnAbortOnlyWhenAsked() throws Exception {
    CountDownLatch polled41 = new CountDownLatch(1);
    CountDownLatch polled42 = new CountDownLatch(1);
    CountDownLatch cancelled42 = new CountDownLatch(1);
    h.awx.on("GET", "/api/v2/jobs/41/", request -> {
      polled41.countDown();
      return json(200, RUNNING.replace("42", "41"));
    });
    h.awx.on("GET", "/api/v2/jobs/42/", request -> {
      polled42.countDown();
      return json(200, RUNNING);
    });
    h.awx.on("POST", "/api/v2/jobs/42/cancel/", request -> {
      cancelled42.countDown();
      return empty(202);
    });
    McpClient client = h.connect(TransportContext.empty());
    CompletableFuture<CallToolResult> keep = client.async().callTool("job_wait", Harness.json("{\"job_id\":41}"));
    assertTrue(polled41.await(30, TimeUnit.SECONDS));
    keep.cancel(true);
    CompletableFuture<CallToolResult> abort = client.async().callTool("job_wait",
        Harness.json("{\"job_id\":42,\"cancel_on_abort\":true}"));
    assertTrue(polled42.await(30, TimeUnit.SECONDS));
    abort.cancel(true);
    assertTrue(cancelled42.await(30, TimeUnit.SECONDS));
    assertTrue(h.awx.requests("POST", "/api/v2/jobs/41/cancel/").isEmpty());
  }

  @Test
  void classifiesAnUnreachableHost() {
    h.awx.get("/api/v2/jobs/42/", "{\"id\":42,\"status\":\"failed\"}");
    h.awx.get("/api/v2/jobs/42/job_events/", page("{\"event\":\"runner_on_unreachable\",\"host_name\":\"db1\","
        + "\"task\":\"Gathering Facts\",\"event_data\":{\"res\":{\"msg\":\"Failed to connect to the host via ssh: "
        + "ssh: connect to host db1 port 22: No route to host\"}}}"));
    h.awx.on("GET", "/api/v2/jobs/42/stdout/", json(200, "fatal: [db1]: UNREACHABLE!"));
    JsonNode out = h.ok("job_failure_summary", "{\"job_id\":42}");
    assertEquals("unreachable_host", out.path("category").asText());
    assertEquals("db1", out.path("failed_hosts").get(0).asText());
    assertFalse(out.path("evidence").isEmpty());
  }

  @Test
  void classifiesAnUndefinedVariable() {
    h.awx.get("/api/v2/jobs/42/", "{\"id\":42,\"status\":\"failed\"}");
    h.awx.get("/api/v2/jobs/42/job_events/", page("{\"event\":\"runner_on_failed\",\"host_name\":\"web1\","
        + "\"task\":\"template\",\"event_data\":{\"res\":{\"msg\":\"'app_port' is undefined\"}}}"));
    assertEquals("undefined_variable", h.ok("job_failure_summary", "{\"job_id\":42}").path("category").asText());
  }

  @Test
  void saysASuccessfulJobDidNotFail() {
    h.awx.get("/api/v2/jobs/42/", DONE);
    h.awx.get("/api/v2/jobs/42/job_events/", page());
    assertTrue(h.fails("job_failure_summary", "{\"job_id\":42}").contains("did not fail"));
  }

  @Test
  void offersOnlyReadToolsInReadOnlyMode() {
    try (Harness readOnly = new Harness(b -> b.readOnly(true))) {
      McpClient client = readOnly.connect(TransportContext.empty());
      List<String> names = client.listAllTools().stream().map(t -> t.name()).toList();
      assertTrue(names.contains("jobs_list"));
      assertTrue(names.contains("environment_switch"));
      assertFalse(names.contains("job_launch"));
      assertFalse(names.contains("job_delete"));
      assertNull(client.listAllTools().stream().filter(t -> !t.annotations().readOnlyHint()
          && !t.name().equals("environment_switch")).findFirst().orElse(null));
    }
  }

  @Test
  void offersOnlyTheEnabledToolsets() {
    try (Harness jobsOnly = new Harness(b -> b.toolsets("jobs"))) {
      List<String> names = jobsOnly.connect(TransportContext.empty()).listAllTools().stream().map(t -> t.name())
          .toList();
      assertTrue(names.contains("job_launch"));
      assertFalse(names.contains("system_ping"));
    }
    assertThrows(IllegalArgumentException.class, () -> AwxTools.builder().toolsets("nope"));
  }
}
