package dev.conduit.awx.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobsTest {

  private static final String V2 = "/api/v2/";
  private AwxSimulator awx;
  private Api api;

  @BeforeEach
  void start() {
    awx = AwxSimulator.builder().apiPrefix(ApiPrefix.CLASSIC).seed(SeedData.demo()).jobTiming(JobTiming.fast())
        .start();
    api = Api.admin(awx);
  }

  @AfterEach
  void stop() {
    awx.close();
  }

  private int template(String name) {
    return api.get(V2 + "job_templates/?name=" + name.replace(" ", "%20").replace("(", "%28").replace(")", "%29"))
        .json().get("results").get(0).get("id").asInt();
  }

  @Test
  void aLaunchedJobRunsToSuccessfulWithEventsAndStdout() {
    Api.Answer launch = api.post(V2 + "job_templates/" + template("Demo Job Template") + "/launch/", "{}");
    assertEquals(201, launch.status());
    int job = launch.json().get("job").asInt();
    assertEquals(V2 + "jobs/" + job + "/", launch.raw().headers().firstValue("Location").orElseThrow());
    JsonNode done = api.await(V2 + "jobs/" + job + "/", Api::finished);
    assertEquals("successful", done.get("status").asText());
    JsonNode events = api.get(V2 + "jobs/" + job + "/job_events/?order_by=counter&page_size=200").json();
    assertEquals("playbook_on_start", events.get("results").get(0).get("event").asText());
    assertEquals(5, api.get(V2 + "jobs/" + job + "/job_events/?event=runner_on_ok&task=Gathering%20Facts").json()
        .get("count").asInt());
    String stdout = api.get(V2 + "jobs/" + job + "/stdout/?format=txt").body();
    assertTrue(stdout.contains("PLAY RECAP"), stdout);
    assertTrue(stdout.contains("ok: [web1.example.com]"), stdout);
    assertEquals(1, awx.state().jobsLaunched());
  }

  @Test
  void theFailingTemplateFailsOnItsLastHostAndRelaunchTargetsIt() {
    int job = api.post(V2 + "job_templates/" + template("Patch servers (fails)") + "/launch/", "{}").json()
        .get("job").asInt();
    JsonNode done = api.await(V2 + "jobs/" + job + "/", Api::finished);
    assertEquals("failed", done.get("status").asText());
    JsonNode failed = api.get(V2 + "jobs/" + job + "/job_events/?failed=true").json();
    assertEquals("web2.example.com", failed.get("results").get(0).get("host_name").asText());
    assertEquals(1, api.get(V2 + "jobs/" + job + "/relaunch/").json().get("retry_counts").get("failed").asInt());
    Api.Answer relaunch = api.post(V2 + "jobs/" + job + "/relaunch/", "{\"hosts\":\"failed\"}");
    assertEquals(201, relaunch.status());
    assertEquals("web2.example.com", relaunch.json().get("limit").asText());
    assertEquals("relaunch", relaunch.json().get("launch_type").asText());
  }

  @Test
  void cancelAnswers202WhileActiveThen405() {
    int template = template("Run site playbook (prompts)");
    int job = api.post(V2 + "job_templates/" + template + "/launch/", "{\"extra_vars\":{\"simulate_hang\":true}}")
        .json().get("job").asInt();
    assertTrue(api.get(V2 + "jobs/" + job + "/cancel/").json().get("can_cancel").asBoolean());
    Api.Answer cancel = api.post(V2 + "jobs/" + job + "/cancel/", null);
    assertEquals(202, cancel.status());
    assertEquals("", cancel.body());
    assertEquals("canceled", api.get(V2 + "jobs/" + job + "/").json().get("status").asText());
    Api.Answer again = api.post(V2 + "jobs/" + job + "/cancel/", null);
    assertEquals(405, again.status());
    assertEquals("Method \"POST\" not allowed.", again.json().get("detail").asText());
  }

  @Test
  void fieldsThatAreNotPromptedComeBackAsIgnoredFields() {
    Api.Answer launch = api.post(V2 + "job_templates/" + template("Demo Job Template") + "/launch/",
        "{\"limit\":\"web1.example.com\",\"extra_vars\":{\"x\":1}}");
    assertEquals(201, launch.status());
    assertEquals("web1.example.com", launch.json().get("ignored_fields").get("limit").asText());
    assertEquals(1, launch.json().get("ignored_fields").get("extra_vars").get("x").asInt());
  }

  @Test
  void aSurveyLaunchWithoutARequiredAnswerIsRefused() {
    int template = template("Deploy app (survey)");
    JsonNode info = api.get(V2 + "job_templates/" + template + "/launch/").json();
    assertEquals("app_version", info.get("variables_needed_to_start").get(0).asText());
    Api.Answer launch = api.post(V2 + "job_templates/" + template + "/launch/", "{}");
    assertEquals(400, launch.status());
    assertEquals("'app_version' value missing", launch.json().get("variables_needed_to_start").get(0).asText());
    assertEquals(0, awx.state().jobsLaunched());
  }

  @Test
  void deletingAnInventoryUsedByARunningJobAnswers409() {
    int template = template("Run site playbook (prompts)");
    int job = api.post(V2 + "job_templates/" + template + "/launch/", "{\"extra_vars\":{\"simulate_hang\":true}}")
        .json().get("job").asInt();
    int inventory = api.get(V2 + "jobs/" + job + "/").json().get("inventory").asInt();
    Api.Answer delete = api.send("DELETE", V2 + "inventories/" + inventory + "/", null);
    assertEquals(409, delete.status());
    assertEquals("Resource is being used by running jobs.", delete.json().get("error").asText());
    assertEquals(job, delete.json().get("active_jobs").get(0).get("id").asInt());
  }

  @Test
  void aWorkflowPausesAtItsApprovalAndFinishesWhenApproved() {
    int wfjt = api.get(V2 + "workflow_job_templates/").json().get("results").get(0).get("id").asInt();
    Api.Answer launch = api.post(V2 + "workflow_job_templates/" + wfjt + "/launch/", "{}");
    assertEquals(201, launch.status());
    int workflowJob = launch.json().get("workflow_job").asInt();
    JsonNode approval = api.await(V2 + "workflow_approvals/?status=pending",
        page -> page.get("count").asInt() == 1).get("results").get(0);
    assertEquals("running", api.get(V2 + "workflow_jobs/" + workflowJob + "/").json().get("status").asText());
    assertEquals(204, api.post(approval.get("related").get("approve").asText(), null).status());
    JsonNode done = api.await(V2 + "workflow_jobs/" + workflowJob + "/", Api::finished);
    assertEquals("successful", done.get("status").asText());
  }

  @Test
  void aDeniedApprovalFailsTheWorkflow() {
    int wfjt = api.get(V2 + "workflow_job_templates/").json().get("results").get(0).get("id").asInt();
    int workflowJob = api.post(V2 + "workflow_job_templates/" + wfjt + "/launch/", "{}").json()
        .get("workflow_job").asInt();
    JsonNode approval = api.await(V2 + "workflow_approvals/?status=pending",
        page -> page.get("count").asInt() == 1).get("results").get(0);
    assertEquals(204, api.post(approval.get("related").get("deny").asText(), null).status());
    assertEquals("failed", api.await(V2 + "workflow_jobs/" + workflowJob + "/", Api::finished)
        .get("status").asText());
  }

  @Test
  void aProjectSyncAnswers202AndSucceeds() {
    int project = api.get(V2 + "projects/").json().get("results").get(0).get("id").asInt();
    Api.Answer update = api.post(V2 + "projects/" + project + "/update/", null);
    assertEquals(202, update.status());
    int id = update.json().get("project_update").asInt();
    assertEquals("successful", api.await(V2 + "project_updates/" + id + "/", Api::finished).get("status").asText());
    assertTrue(api.get(V2 + "projects/" + project + "/playbooks/").json().toString().contains("hello_world.yml"));
  }

  @Test
  void aScheduleGetsItsNextRunAndPreviewListsOccurrences() {
    int template = template("Demo Job Template");
    Api.Answer created = api.post(V2 + "job_templates/" + template + "/schedules/",
        "{\"name\":\"hourly\",\"rrule\":\"DTSTART:20240101T000000Z RRULE:FREQ=HOURLY;INTERVAL=1\"}");
    assertEquals(201, created.status());
    assertTrue(created.json().get("next_run").isTextual());
    JsonNode preview = api.post(V2 + "schedules/preview/",
        "{\"rrule\":\"DTSTART:20240101T000000Z RRULE:FREQ=DAILY;INTERVAL=1\"}").json();
    assertEquals(10, preview.get("utc").size());
    assertEquals(400, api.post(V2 + "schedules/preview/", "{\"rrule\":\"FREQ=DAILY\"}").status());
    Api.Answer orphan = api.post(V2 + "schedules/",
        "{\"name\":\"x\",\"unified_job_template\":999,\"rrule\":\"DTSTART:20240101T000000Z RRULE:FREQ=DAILY\"}");
    assertEquals("Invalid pk \"999\" - object does not exist.",
        orphan.json().get("unified_job_template").get(0).asText());
  }

  @Test
  void createValidatesAndDeleteAnswers204() {
    Api.Answer missing = api.post(V2 + "credentials/", "{\"credential_type\":1}");
    assertEquals(400, missing.status());
    assertEquals("This field is required.", missing.json().get("name").get(0).asText());
    Api.Answer created = api.post(V2 + "credentials/",
        "{\"name\":\"c\",\"credential_type\":1,\"organization\":1,\"inputs\":{\"username\":\"u\",\"password\":\"p\"}}");
    assertEquals(201, created.status());
    assertEquals("$encrypted$", created.json().get("inputs").get("password").asText());
    int id = created.json().get("id").asInt();
    assertEquals(204, api.send("DELETE", V2 + "credentials/" + id + "/", null).status());
    Api.Answer gone = api.get(V2 + "credentials/" + id + "/");
    assertEquals(404, gone.status());
    assertEquals("Not found.", gone.json().get("detail").asText());
  }

  @Test
  void aJobTemplateNeedsAnInventoryOrThePromptAndAPlaybookOfItsProject() {
    Api.Answer noInventory = api.post(V2 + "job_templates/",
        "{\"name\":\"t\",\"project\":1,\"playbook\":\"site.yml\"}");
    assertEquals(400, noInventory.status());
    assertEquals("Must either set a default value or ask to prompt on launch.",
        noInventory.json().get("inventory").get(0).asText());
    Api.Answer badPlaybook = api.post(V2 + "job_templates/",
        "{\"name\":\"t\",\"project\":1,\"playbook\":\"nope.yml\",\"ask_inventory_on_launch\":true}");
    assertEquals("Playbook not found for project.", badPlaybook.json().get("playbook").get(0).asText());
    assertEquals(201, api.post(V2 + "job_templates/",
        "{\"name\":\"t\",\"project\":1,\"playbook\":\"site.yml\",\"inventory\":1}").status());
  }

  @Test
  void aJobMovesPendingWaitingRunningToItsEnd() {
    int job = api.post(V2 + "job_templates/" + template("Demo Job Template") + "/launch/", "{}").json().get("job")
        .asInt();
    api.await(V2 + "jobs/" + job + "/", Api::finished);
    assertEquals(List.of("pending", "waiting", "running", "successful"), awx.state().statusHistory(job));
  }
}
