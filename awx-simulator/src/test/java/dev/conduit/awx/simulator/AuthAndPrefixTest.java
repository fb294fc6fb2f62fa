package dev.conduit.awx.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuthAndPrefixTest {

  @Test
  void answers401WithAwxsMessageWithoutCredentials() {
    try (AwxSimulator awx = AwxSimulator.builder().start()) {
      Api.Answer answer = new Api(awx.url(), null).get("/api/controller/v2/job_templates/");
      assertEquals(401, answer.status());
      assertEquals("Authentication credentials were not provided. To establish a login session, visit /api/login/.",
          answer.json().get("detail").asText());
    }
  }

  @Test
  void answers401ForAWrongPassword() {
    try (AwxSimulator awx = AwxSimulator.builder().start()) {
      Api.Answer answer = Api.basic(awx, "admin", "wrong").get("/api/controller/v2/me/");
      assertEquals(401, answer.status());
      assertTrue(answer.json().get("detail").asText().startsWith("Invalid username/password."));
    }
  }

  @Test
  void acceptsABearerTokenAndListsMeAsAPageOfOne() {
    try (AwxSimulator awx = AwxSimulator.builder().token("tok-123").start()) {
      Api.Answer answer = new Api(awx.url(), "Bearer tok-123").get("/api/controller/v2/me/");
      assertEquals(200, answer.status());
      assertEquals(1, answer.json().get("count").asInt());
      assertEquals("admin", answer.json().get("results").get(0).get("username").asText());
    }
  }

  @Test
  void pingNeedsNoCredentials() {
    try (AwxSimulator awx = AwxSimulator.builder().start()) {
      Api.Answer answer = new Api(awx.url(), null).get("/api/controller/v2/ping/");
      assertEquals(200, answer.status());
      assertEquals("24.6.1", answer.json().get("version").asText());
    }
  }

  @Test
  void controllerModeListsTheGatewayPrefixesAndHidesTheClassicRoot() {
    try (AwxSimulator awx = AwxSimulator.builder().apiPrefix(ApiPrefix.CONTROLLER).start()) {
      Api api = Api.admin(awx);
      assertEquals("/api/controller/", api.get("/api/").json().get("apis").get("controller").asText());
      assertEquals(404, api.get("/api/v2/ping/").status());
    }
  }

  @Test
  void classicModeServesApiV2AndNotTheControllerPrefix() {
    try (AwxSimulator awx = AwxSimulator.builder().apiPrefix(ApiPrefix.CLASSIC).start()) {
      Api api = Api.admin(awx);
      assertEquals(200, api.get("/api/v2/ping/").status());
      assertEquals(404, api.get("/api/controller/v2/ping/").status());
      assertEquals("/api/v2/", api.get("/api/").json().get("current_version").asText());
    }
  }

  @Test
  void anAuditorMayReadButWritingAnswers403() {
    try (AwxSimulator awx = AwxSimulator.builder().auditor("viewer", "pw").seed(SeedData.demo()).start()) {
      Api viewer = Api.basic(awx, "viewer", "pw");
      assertEquals(200, viewer.get("/api/controller/v2/job_templates/").status());
      Api.Answer answer = viewer.post("/api/controller/v2/organizations/", "{\"name\":\"x\"}");
      assertEquals(403, answer.status());
      assertEquals("You do not have permission to perform this action.", answer.json().get("detail").asText());
    }
  }
}
