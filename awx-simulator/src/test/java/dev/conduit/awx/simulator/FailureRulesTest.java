package dev.conduit.awx.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The README's deterministic failure rules, one each. */
class FailureRulesTest extends DemoEstateTest {

  private static final int PROMPTS_TEMPLATE = 5;

  private JsonNode launch(String body) {
    int job = api.post(V2 + "job_templates/" + PROMPTS_TEMPLATE + "/launch/", body).json().get("job").asInt();
    return api.await(V2 + "jobs/" + job + "/", Api::finished);
  }

  private JsonNode summary(JsonNode job, String host) {
    return api.get(V2 + "jobs/" + job.get("id").asInt() + "/job_host_summaries/?host_name=" + host).json()
        .get("results").get(0);
  }

  @Test
  void simulateFailureFailsEveryHost() {
    JsonNode job = launch("{\"extra_vars\":{\"simulate_failure\":true}}");
    assertEquals("failed", job.get("status").asText());
    assertEquals(5, api.get(V2 + "jobs/" + job.get("id").asInt() + "/job_host_summaries/?failed=true").json()
        .get("count").asInt());
  }

  @Test
  void failHostsFailsOnlyThoseHosts() {
    JsonNode job = launch("{\"extra_vars\":{\"fail_hosts\":\"db1.example.com\"}}");
    assertEquals("failed", job.get("status").asText());
    assertEquals(1, summary(job, "db1.example.com").get("failures").asInt());
    assertEquals(0, summary(job, "db2.example.com").get("failures").asInt());
  }

  @Test
  void simulateUnreachableMakesAHostDark() {
    JsonNode job = launch("{\"extra_vars\":{\"simulate_unreachable\":\"lb1.example.com\"}}");
    assertEquals("failed", job.get("status").asText());
    assertEquals(1, summary(job, "lb1.example.com").get("dark").asInt());
    assertEquals(1, api.get(V2 + "jobs/" + job.get("id").asInt() + "/job_events/?event=runner_on_unreachable")
        .json().get("count").asInt());
  }

  @Test
  void aProjectWhoseUrlSaysFailFailsItsSync() {
    int project = api.post(V2 + "projects/", "{\"name\":\"broken\",\"organization\":1,\"scm_type\":\"git\","
        + "\"scm_url\":\"https://git.example.com/fail.git\"}").json().get("id").asInt();
    JsonNode done = api.await(V2 + "projects/" + project + "/", p -> p.get("status").asText().equals("failed"));
    assertEquals(true, done.get("last_update_failed").asBoolean());
  }

  @Test
  void anAdHocFailModuleFailsEveryHost() {
    int id = api.post(V2 + "ad_hoc_commands/", "{\"inventory\":1,\"module_name\":\"fail\"}").json().get("id")
        .asInt();
    assertEquals("failed", api.await(V2 + "ad_hoc_commands/" + id + "/", Api::finished).get("status").asText());
  }
}
