package dev.conduit.awx.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class WorkflowAndViewsTest extends DemoEstateTest {

  private int workflow(String name) {
    return api.post(V2 + "workflow_job_templates/", "{\"name\":\"" + name + "\",\"organization\":1}").json()
        .get("id").asInt();
  }

  private int node(int workflow, int template, boolean converge) {
    return api.post(V2 + "workflow_job_templates/" + workflow + "/workflow_nodes/",
        "{\"unified_job_template\":" + template + ",\"all_parents_must_converge\":" + converge + "}").json()
        .get("id").asInt();
  }

  private void edge(int from, String edge, int to) {
    assertEquals(204, api.post(V2 + "workflow_job_template_nodes/" + from + "/" + edge + "/",
        "{\"id\":" + to + "}").status());
  }

  private JsonNode run(int workflow) {
    int job = api.post(V2 + "workflow_job_templates/" + workflow + "/launch/", "{}").json().get("workflow_job")
        .asInt();
    return api.await(V2 + "workflow_jobs/" + job + "/", Api::finished);
  }

  @Test
  void aFailureEdgeHandlesAFailedNodeSoTheWorkflowSucceeds() {
    int workflow = workflow("recover");
    int failing = node(workflow, 6, false);
    int recovery = node(workflow, 3, false);
    edge(failing, "failure_nodes", recovery);
    JsonNode done = run(workflow);
    assertEquals("successful", done.get("status").asText());
    JsonNode nodes = api.get(V2 + "workflow_jobs/" + done.get("id").asInt() + "/workflow_nodes/?order_by=id").json();
    assertEquals("failed", nodes.get("results").get(0).get("summary_fields").get("job").get("status").asText());
    assertEquals("successful", nodes.get("results").get(1).get("summary_fields").get("job").get("status").asText());
  }

  @Test
  void aConvergingNodeDoesNotRunWhenOneParentTookTheOtherEdge() {
    int workflow = workflow("converge");
    int good = node(workflow, 3, false);
    int bad = node(workflow, 6, false);
    int join = node(workflow, 3, true);
    edge(good, "success_nodes", join);
    edge(bad, "success_nodes", join);
    JsonNode done = run(workflow);
    assertEquals("failed", done.get("status").asText());
    JsonNode joined = api.get(V2 + "workflow_jobs/" + done.get("id").asInt() + "/workflow_nodes/?order_by=id")
        .json().get("results").get(2);
    assertTrue(joined.get("job").isNull());
    assertTrue(joined.get("do_not_run").asBoolean());
  }

  @Test
  void anApprovalWithATimeoutExpires() {
    int workflow = workflow("timed");
    int gate = api.post(V2 + "workflow_job_templates/" + workflow + "/workflow_nodes/", "{}").json().get("id")
        .asInt();
    assertEquals(201, api.post(V2 + "workflow_job_template_nodes/" + gate + "/create_approval_template/",
        "{\"name\":\"quick\",\"timeout\":1}").status());
    JsonNode done = run(workflow);
    assertEquals("failed", done.get("status").asText());
    JsonNode approval = api.get(V2 + "workflow_approvals/?name=quick").json().get("results").get(0);
    assertTrue(approval.get("timed_out").asBoolean());
    assertTrue(approval.get("job_explanation").asText().endsWith("has expired after 1 seconds."));
  }

  @Test
  void anApprovalNamesWhoDecided() {
    int wfjt = api.get(V2 + "workflow_job_templates/").json().get("results").get(0).get("id").asInt();
    api.post(V2 + "workflow_job_templates/" + wfjt + "/launch/", "{}");
    JsonNode approval = api.await(V2 + "workflow_approvals/?status=pending",
        page -> page.get("count").asInt() == 1).get("results").get(0);
    api.post(approval.get("related").get("approve").asText(), null);
    JsonNode decided = api.get(approval.get("url").asText()).json();
    assertEquals("admin", decided.get("summary_fields").get("approved_or_denied_by").get("username").asText());
    assertTrue(decided.get("related").has("source_workflow_job"));
  }

  @Test
  void childrenSummaryCountsEachPlayAndTasksDescendants() {
    JsonNode summary = api.get(V2 + "jobs/2/job_events/children_summary/").json();
    assertTrue(summary.get("is_tree").asBoolean());
    // The demo job's play (counter 2) has three tasks on five hosts: 3 task starts and 15 host events below it.
    assertEquals(18, summary.get("children_summary").get("2").get("numChildren").asInt());
  }

  @Test
  void aTaskEventListsItsHostEventsAsChildren() {
    JsonNode task = api.get(V2 + "jobs/2/job_events/?event=playbook_on_task_start&order_by=counter").json()
        .get("results").get(0);
    assertEquals(5, api.get(task.get("related").get("children").asText()).json().get("count").asInt());
  }

  @Test
  void anInventoryScriptListsGroupsAndHostVariables() {
    JsonNode script = api.get(V2 + "inventories/1/script/?hostvars=1").json();
    assertEquals(2, script.get("webservers").get("hosts").size());
    assertEquals("db1.example.com", script.get("_meta").get("hostvars").get("db1.example.com")
        .get("ansible_host").asText());
  }

  @Test
  void copyingAJobTemplateKeepsItsSurvey() {
    Api.Answer copy = api.post(V2 + "job_templates/4/copy/", "{\"name\":\"Deploy app (copy)\"}");
    assertEquals(201, copy.status());
    int id = copy.json().get("id").asInt();
    assertEquals("deploy_app.yml", copy.json().get("playbook").asText());
    assertEquals("app_version", api.get(V2 + "job_templates/" + id + "/survey_spec/").json().get("spec").get(0)
        .get("variable").asText());
  }

  @Test
  void aListCutsALongEventOutputButTheEventItselfKeepsIt() {
    int job = api.post(V2 + "job_templates/5/launch/", "{\"extra_vars\":{\"simulate_output_lines\":200}}")
        .json().get("job").asInt();
    api.await(V2 + "jobs/" + job + "/", Api::finished);
    JsonNode listed = api.get(V2 + "jobs/" + job + "/job_events/?event=verbose").json().get("results").get(0);
    assertEquals(1024, listed.get("stdout").asText().length());
    assertTrue(listed.get("stdout").asText().endsWith("\u2026"));
    assertTrue(api.get(listed.get("url").asText()).json().get("stdout").asText().length() > 1024);
  }
}
