package dev.conduit.awx.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutputAndActionsTest extends DemoEstateTest {

  @Override
  AwxSimulator.Builder simulator() {
    return AwxSimulator.builder().seed(SeedData.demo()).stdoutMaxBytesDisplay(4096);
  }

  private int promptsTemplate() {
    return api.get(V2 + "job_templates/?name__startswith=Run%20site").json().get("results").get(0).get("id")
        .asInt();
  }

  private JsonNode runToEnd(String launchBody) {
    int job = api.post(V2 + "job_templates/" + promptsTemplate() + "/launch/", launchBody).json().get("job").asInt();
    return api.await(V2 + "jobs/" + job + "/", Api::finished);
  }

  @Test
  void aPromptedLimitSelectsTheHostsThatRun() {
    JsonNode job = runToEnd("{\"limit\":\"webservers\"}");
    JsonNode summaries = api.get(V2 + "jobs/" + job.get("id").asInt() + "/job_host_summaries/").json();
    Set<String> hosts = new HashSet<>();
    summaries.get("results").forEach(s -> hosts.add(s.get("host_name").asText()));
    assertEquals(Set.of("web1.example.com", "web2.example.com"), hosts);
  }

  @Test
  void jsonStdoutHonoursStartAndEndLineAndKeepsColours() {
    int id = runToEnd("{}").get("id").asInt();
    JsonNode window = api.get(V2 + "jobs/" + id + "/stdout/?format=json&start_line=1&end_line=3").json();
    assertEquals(1, window.get("range").get("start").asInt());
    assertEquals(3, window.get("range").get("end").asInt());
    assertTrue(window.get("range").get("absolute_end").asInt() > 3);
    assertTrue(window.get("content").asText().startsWith("PLAY ["), window.toString());
    assertTrue(api.get(V2 + "jobs/" + id + "/stdout/?format=ansi").body().contains("\u001b[0;32m"));
    assertFalse(api.get(V2 + "jobs/" + id + "/stdout/?format=txt").body().contains("\u001b["));
  }

  @Test
  void largeOutputIsOnlyOfferedAsADownload() {
    int id = runToEnd("{\"extra_vars\":{\"simulate_output_lines\":500}}").get("id").asInt();
    String txt = api.get(V2 + "jobs/" + id + "/stdout/?format=txt").body();
    assertTrue(txt.startsWith("Standard Output too large to display ("), txt);
    assertTrue(txt.endsWith("only download supported for sizes over 4096 bytes."), txt);
    Api.Answer download = api.get(V2 + "jobs/" + id + "/stdout/?format=txt_download");
    assertTrue(download.body().contains("simulated output line 500 of 500"));
    assertTrue(download.raw().headers().firstValue("Content-Disposition").orElseThrow().contains("job_" + id));
  }

  @Test
  void anAdHocCommandRunsOnTheInventoryAndHasOutput() {
    int inventory = api.get(V2 + "inventories/").json().get("results").get(0).get("id").asInt();
    Api.Answer missing = api.post(V2 + "ad_hoc_commands/", "{\"inventory\":" + inventory + "}");
    assertEquals(400, missing.status());
    assertEquals("No argument passed to command module.", missing.json().get("module_args").get(0).asText());
    Api.Answer created = api.post(V2 + "ad_hoc_commands/",
        "{\"inventory\":" + inventory + ",\"module_name\":\"ping\",\"limit\":\"databases\"}");
    assertEquals(201, created.status());
    String path = V2 + "ad_hoc_commands/" + created.json().get("id").asInt() + "/";
    assertEquals("successful", api.await(path, Api::finished).get("status").asText());
    assertTrue(api.get(path + "stdout/?format=txt").body().contains("db2.example.com"));
    assertEquals(2, api.get(path + "events/?event=runner_on_ok&task=Gathering%20Facts").json().get("count").asInt());
  }

  @Test
  void anInventorySourceSyncAnswers202AndSucceeds() {
    int source = api.get(V2 + "inventory_sources/").json().get("results").get(0).get("id").asInt();
    assertTrue(api.get(V2 + "inventory_sources/" + source + "/update/").json().get("can_update").asBoolean());
    Api.Answer update = api.post(V2 + "inventory_sources/" + source + "/update/", null);
    assertEquals(202, update.status());
    String path = V2 + "inventory_updates/" + update.json().get("inventory_update").asInt() + "/";
    assertEquals("successful", api.await(path, Api::finished).get("status").asText());
    assertTrue(api.get(path + "stdout/?format=txt").body().contains("Loaded 3 groups, 5 hosts"));
  }

  @Test
  void anInventorySourceWhosePathSaysFailFailsItsSync() {
    int source = api.post(V2 + "inventory_sources/", "{\"name\":\"broken\",\"inventory\":1,\"source\":\"scm\","
        + "\"source_project\":1,\"source_path\":\"inventory/fail.ini\"}").json().get("id").asInt();
    int update = api.post(V2 + "inventory_sources/" + source + "/update/", null).json().get("inventory_update").asInt();
    String path = V2 + "inventory_updates/" + update + "/";
    assertEquals("failed", api.await(path, Api::finished).get("status").asText());
    assertTrue(api.get(path + "stdout/?format=txt").body().contains("ERROR! No inventory was parsed"));
    assertEquals("failed", api.get(V2 + "inventory_sources/" + source + "/").json().get("status").asText());
  }

  @Test
  void testingANotificationTemplateRecordsANotification() {
    int template = api.get(V2 + "notification_templates/").json().get("results").get(0).get("id").asInt();
    Api.Answer test = api.post(V2 + "notification_templates/" + template + "/test/", null);
    assertEquals(202, test.status());
    JsonNode sent = api.get(V2 + "notification_templates/" + template + "/notifications/").json();
    assertEquals(test.json().get("notification").asInt(), sent.get("results").get(0).get("id").asInt());
    assertEquals("successful", sent.get("results").get(0).get("status").asText());
  }

  @Test
  void deletingARunningJobAnswers403() {
    int id = api.post(V2 + "job_templates/" + promptsTemplate() + "/launch/",
        "{\"extra_vars\":{\"simulate_hang\":true}}").json().get("job").asInt();
    Api.Answer delete = api.send("DELETE", V2 + "jobs/" + id + "/", null);
    assertEquals(403, delete.status());
    assertEquals("Cannot delete running job resource.", delete.json().get("detail").asText());
  }

  @Test
  void anUnsupportedMethodAnswers405() {
    Api.Answer answer = api.post(V2 + "jobs/", "{}");
    assertEquals(405, answer.status());
    assertEquals("Method \"POST\" not allowed.", answer.json().get("detail").asText());
  }

  @Test
  void anInjectedFaultAnswersOnceAndTheStateCountsTheRequests() {
    awx.failNext("POST", ".*/job_templates/\\d+/launch/", 503, "{\"detail\":\"busy\"}");
    String launch = V2 + "job_templates/" + promptsTemplate() + "/launch/";
    assertEquals(503, api.post(launch, "{}").status());
    assertEquals(201, api.post(launch, "{}").status());
    assertEquals(2, awx.state().requestCount("POST", ".*/launch/"));
    assertEquals(1, awx.state().jobsLaunched());
  }

  @Test
  void unifiedJobsListEveryKindOfJob() {
    JsonNode page = api.get(V2 + "unified_jobs/?order_by=id").json();
    Set<String> types = new HashSet<>();
    page.get("results").forEach(j -> types.add(j.get("type").asText()));
    assertEquals(Set.of("job", "project_update"), types);
    assertEquals(2, api.get(V2 + "unified_jobs/?type=job").json().get("count").asInt());
  }

  @Test
  void cancelingAWorkflowJobCancelsItsRunningNode() {
    int wfjt = api.get(V2 + "workflow_job_templates/").json().get("results").get(0).get("id").asInt();
    int workflowJob = api.post(V2 + "workflow_job_templates/" + wfjt + "/launch/", "{}").json()
        .get("workflow_job").asInt();
    JsonNode approval = api.await(V2 + "workflow_approvals/?status=pending",
        page -> page.get("count").asInt() == 1).get("results").get(0);
    assertEquals(202, api.post(V2 + "workflow_jobs/" + workflowJob + "/cancel/", null).status());
    assertEquals("canceled", api.get(V2 + "workflow_jobs/" + workflowJob + "/").json().get("status").asText());
    assertEquals("canceled", api.get(approval.get("url").asText()).json().get("status").asText());
  }

  @Test
  void listItemsLeaveOutTheHeavyFieldsTheDetailShows() {
    int id = runToEnd("{}").get("id").asInt();
    JsonNode item = api.get(V2 + "jobs/?id=" + id).json().get("results").get(0);
    assertFalse(item.has("job_env"));
    assertFalse(item.has("host_status_counts"));
    assertTrue(api.get(V2 + "jobs/" + id + "/").json().has("job_env"));
  }

  @Test
  void aRunningJobsElapsedCountsUp() {
    int id = api.post(V2 + "job_templates/" + promptsTemplate() + "/launch/",
        "{\"extra_vars\":{\"simulate_hang\":true}}").json().get("job").asInt();
    JsonNode running = api.await(V2 + "jobs/" + id + "/", job -> job.get("status").asText().equals("running")
        && job.get("elapsed").asDouble() > 0);
    assertTrue(running.get("finished").isNull());
  }

  @Test
  void aPromptedValueThatIsNotAChoiceIsRefused() {
    Api.Answer launch = api.post(V2 + "job_templates/" + promptsTemplate() + "/launch/",
        "{\"job_type\":\"foobicate\",\"inventory\":87865}");
    assertEquals(400, launch.status());
    assertEquals("\"foobicate\" is not a valid choice.", launch.json().get("job_type").get(0).asText());
    assertEquals("Invalid pk \"87865\" - object does not exist.", launch.json().get("inventory").get(0).asText());
  }
}
