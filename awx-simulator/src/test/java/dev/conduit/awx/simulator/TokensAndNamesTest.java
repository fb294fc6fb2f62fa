package dev.conduit.awx.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TokensAndNamesTest {

  private static final String V2 = "/api/controller/v2/";

  @Test
  void aCreatedTokenAuthenticatesUntilItIsDeleted() {
    try (AwxSimulator awx = AwxSimulator.builder().start()) {
      Api.Answer created = Api.admin(awx).post(V2 + "tokens/", "{\"description\":\"ci\",\"scope\":\"write\"}");
      assertEquals(201, created.status());
      assertEquals("o_auth2_access_token", created.json().get("type").asText());
      Api bearer = new Api(awx.url(), "Bearer " + created.json().get("token").asText());
      assertEquals("admin", bearer.get(V2 + "me/").json().get("results").get(0).get("username").asText());
      assertEquals("************", Api.admin(awx).get(V2 + "tokens/").json().get("results").get(0).get("token")
          .asText());
      assertEquals(204, Api.admin(awx).send("DELETE", created.json().get("url").asText(), null).status());
      assertEquals(401, bearer.get(V2 + "me/").status());
    }
  }

  @Test
  void theGatewayAnswersPingAndMeInControllerMode() {
    try (AwxSimulator awx = AwxSimulator.builder().token("t").start()) {
      assertEquals(200, new Api(awx.url(), null).get("/api/gateway/v1/ping/").status());
      assertEquals(401, new Api(awx.url(), null).get("/api/gateway/v1/me/").status());
      assertEquals(200, new Api(awx.url(), "Bearer t").get("/api/gateway/v1/me/").status());
    }
  }

  @Test
  void aNamedUrlFindsTheSameObjectAsItsId() {
    try (AwxSimulator awx = AwxSimulator.builder().seed(SeedData.demo()).start()) {
      Api api = Api.admin(awx);
      JsonNode template = api.get(V2 + "job_templates/?name=Demo%20Job%20Template").json().get("results").get(0);
      String named = template.get("related").get("named_url").asText();
      assertEquals(V2 + "job_templates/Demo%20Job%20Template++Default/".replace("%20", " "), named);
      assertEquals(template.get("id").asInt(), api.get(named.replace(" ", "%20")).json().get("id").asInt());
    }
  }

  @Test
  void aSecondJobOfATemplateWithoutSimultaneousRunsWaitsInPending() {
    try (AwxSimulator awx = AwxSimulator.builder().seed(SeedData.demo()).start()) {
      Api api = Api.admin(awx);
      int template = api.get(V2 + "job_templates/?name__startswith=Run%20site").json().get("results").get(0)
          .get("id").asInt();
      String launch = V2 + "job_templates/" + template + "/launch/";
      int first = api.post(launch, "{\"extra_vars\":{\"simulate_hang\":true}}").json().get("job").asInt();
      api.await(V2 + "jobs/" + first + "/", job -> job.get("status").asText().equals("running"));
      int second = api.post(launch, "{}").json().get("job").asInt();
      // One scheduler thread steps every job in turn, so an unrelated job's whole run gives the second many steps.
      int other = api.post(V2 + "job_templates/3/launch/", "{}").json().get("job").asInt();
      api.await(V2 + "jobs/" + other + "/", Api::finished);
      assertEquals("pending", api.get(V2 + "jobs/" + second + "/").json().get("status").asText());
      api.post(V2 + "jobs/" + first + "/cancel/", null);
      assertEquals("successful", api.await(V2 + "jobs/" + second + "/", Api::finished).get("status").asText());
    }
  }

  @Test
  void anInventoryCountsTheHostsAddedToIt() {
    try (AwxSimulator awx = AwxSimulator.builder().seed(SeedData.demo()).start()) {
      Api api = Api.admin(awx);
      assertEquals(5, api.get(V2 + "inventories/1/").json().get("total_hosts").asInt());
      assertEquals(201, api.post(V2 + "inventories/1/hosts/", "{\"name\":\"new.example.com\"}").status());
      assertEquals(6, api.get(V2 + "inventories/1/").json().get("total_hosts").asInt());
    }
  }

  @Test
  void anAdHocCommandCanBeRelaunched() {
    try (AwxSimulator awx = AwxSimulator.builder().seed(SeedData.demo()).start()) {
      Api api = Api.admin(awx);
      int id = api.post(V2 + "ad_hoc_commands/", "{\"inventory\":1,\"module_name\":\"ping\"}").json().get("id")
          .asInt();
      Api.Answer again = api.post(V2 + "ad_hoc_commands/" + id + "/relaunch/", "{}");
      assertEquals(201, again.status());
      assertEquals("ping", again.json().get("module_name").asText());
      assertTrue(again.json().get("id").asInt() > id);
    }
  }
}
