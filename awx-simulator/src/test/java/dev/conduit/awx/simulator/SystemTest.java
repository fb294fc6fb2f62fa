package dev.conduit.awx.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SystemTest {

  private static final String V2 = "/api/controller/v2/";

  @Test
  void everyThreadTheSimulatorStartsIsANamedDaemon() {
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    try (AwxSimulator awx = AwxSimulator.builder().seed(SeedData.demo()).start()) {
      Api api = Api.admin(awx);
      int job = api.post(V2 + "job_templates/3/launch/", "{}").json().get("job").asInt();
      api.await(V2 + "jobs/" + job + "/", Api::finished);
      Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
      started.removeAll(before);
      Set<String> names = started.stream().map(Thread::getName).collect(Collectors.toSet());
      assertTrue(names.stream().anyMatch(n -> n.startsWith("awx-simulator-http-")), names.toString());
      assertTrue(names.stream().anyMatch(n -> n.startsWith("awx-simulator-jobs-")), names.toString());
      started.forEach(t -> assertTrue(t.isDaemon(), t.getName() + " is not a daemon"));
    }
  }

  @Test
  void settingsListTheirCategoriesAndKeepAChange() {
    try (AwxSimulator awx = AwxSimulator.builder().start()) {
      Api api = Api.admin(awx);
      assertTrue(api.get(V2 + "settings/").json().toString().contains("\"slug\":\"jobs\""));
      assertEquals(1048576, api.get(V2 + "settings/jobs/").json().get("STDOUT_MAX_BYTES_DISPLAY").asInt());
      assertEquals(200, api.send("PATCH", V2 + "settings/jobs/", "{\"DEFAULT_JOB_TIMEOUT\":60}").status());
      assertEquals(60, api.get(V2 + "settings/all/").json().get("DEFAULT_JOB_TIMEOUT").asInt());
    }
  }

  @Test
  void deletingAnInventoryDeletesItsHostsAndUnsetsItOnTemplates() {
    try (AwxSimulator awx = AwxSimulator.builder().seed(SeedData.demo()).start()) {
      Api api = Api.admin(awx);
      assertEquals(204, api.send("DELETE", V2 + "inventories/1/", null).status());
      assertEquals(0, api.get(V2 + "hosts/").json().get("count").asInt());
      assertTrue(api.get(V2 + "job_templates/3/").json().get("inventory").isNull());
      assertEquals(400, api.post(V2 + "job_templates/3/launch/", "{}").status());
    }
  }

  @Test
  void aUserCreatedThroughTheApiLogsInAndMayOnlyRead() {
    try (AwxSimulator awx = AwxSimulator.builder().start()) {
      Api admin = Api.admin(awx);
      assertEquals(201, admin.post(V2 + "users/", "{\"username\":\"alice\",\"password\":\"pw\"}").status());
      Api alice = Api.basic(awx, "alice", "pw");
      assertEquals("alice", alice.get(V2 + "me/").json().get("results").get(0).get("username").asText());
      assertEquals(403, alice.post(V2 + "organizations/", "{\"name\":\"x\"}").status());
      assertEquals(201, alice.post(V2 + "tokens/", "{}").status());
    }
  }

  @Test
  void aPathWithoutItsTrailingSlashIsRedirected() {
    try (AwxSimulator awx = AwxSimulator.builder().start()) {
      Api.Answer answer = Api.admin(awx).get(V2 + "ping?x=1");
      assertEquals(301, answer.status());
      assertEquals(V2 + "ping/?x=1", answer.raw().headers().firstValue("Location").orElseThrow());
    }
  }

  @Test
  void aDuplicateNameInAnOrganizationIsANonFieldError() {
    try (AwxSimulator awx = AwxSimulator.builder().seed(SeedData.demo()).start()) {
      Api.Answer answer = Api.admin(awx).post(V2 + "inventories/", "{\"name\":\"Demo Inventory\",\"organization\":1}");
      assertEquals(400, answer.status());
      assertEquals("Inventory with this Name and Organization already exists.",
          answer.json().get("__all__").get(0).asText());
    }
  }
}
