package dev.conduit.awx.tools;

import static dev.conduit.awx.fake.FakeAwx.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.transport.TransportContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemToolsTest {

  private final Harness h = new Harness();

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void listsEnvironmentsWithoutSecrets() {
    CallToolResult result = h.call("environments_list", "{}");
    JsonNode out = result.structuredContent();
    assertEquals(2, out.path("results").size());
    assertTrue(out.path("results").get(0).path("current").asBoolean());
    assertEquals("token", out.path("results").get(0).path("auth").asText());
    assertFalse(out.toString().contains("lab-token"));
    assertTrue(Harness.text(result).contains("lab (current)"));
  }

  @Test
  void showsTheCurrentEnvironment() {
    assertEquals("lab", h.ok("environment_show", "{}").path("name").asText());
  }

  @Test
  void switchesTheEnvironmentForThisSessionOnly() {
    McpClient alice = h.connect(TransportContext.empty().withSessionId("alice"));
    McpClient bob = h.connect(TransportContext.empty().withSessionId("bob"));
    assertFalse(h.call(alice, "environment_switch", "{\"environment\":\"prod\"}").failed());
    assertEquals("prod", h.call(alice, "environment_show", "{}").structuredContent().path("name").asText());
    assertEquals("lab", h.call(bob, "environment_show", "{}").structuredContent().path("name").asText());
  }

  @Test
  void refusesToSwitchWithoutASessionToRememberItIn() {
    McpClient sessionless = h.connect(TransportContext.ofHeaders(Map.of("X-AWX-Token", List.of("t"))));
    CallToolResult result = h.call(sessionless, "environment_switch", "{\"environment\":\"prod\"}");
    assertTrue(result.failed());
    assertTrue(Harness.text(result).contains("pass 'environment'"));
  }

  @Test
  void registersOnARunningServer() {
    try (dev.conduit.protocol.server.McpServer running =
        dev.conduit.protocol.server.McpServer.builder().info("late", "1").build()) {
      AwxTools.builder().environments(h.environments).toolsets("system").build().registerOn(running);
      dev.conduit.protocol.transport.InMemoryTransport.Pair pair =
          dev.conduit.protocol.transport.InMemoryTransport.pair();
      running.connect(pair.server());
      try (McpClient client = McpClient.builder().transport(pair.client()).connect()) {
        assertEquals(4, client.listAllTools().size());
      }
    }
  }

  @Test
  void refusesToSwitchToAnUnknownEnvironment() {
    assertTrue(h.fails("environment_switch", "{\"environment\":\"nope\"}").contains("No AWX environment"));
  }

  @Test
  void testsAnEnvironmentWithMeNotPing() {
    h.awx.get("/api/v2/me/", Harness.page("{\"id\":1,\"username\":\"admin\"}"));
    h.awx.get("/api/v2/ping/", "{\"version\":\"24.6.1\"}");
    JsonNode out = h.ok("environment_test", "{}");
    assertTrue(out.path("ok").asBoolean());
    assertEquals("admin", out.path("username").asText());
    assertEquals("Bearer lab-token", h.awx.only("GET", "/api/v2/me/").getHeaders().get("Authorization"));
  }

  @Test
  void reportsBadCredentialsWhenTestingAnEnvironment() {
    h.awx.on("GET", "/api/v2/me/", json(401, "{\"detail\":\"Invalid token.\"}"));
    JsonNode out = h.ok("environment_test", "{}");
    assertFalse(out.path("ok").asBoolean());
    assertEquals(401, out.path("status").asInt());
  }

  @Test
  void pingsAwx() {
    h.awx.get("/api/v2/ping/", "{\"version\":\"24.6.1\",\"active_node\":\"awx-1\"}");
    assertEquals("24.6.1", h.ok("system_ping", "{}").path("version").asText());
  }

  @Test
  void readsMeAsAList() {
    h.awx.get("/api/v2/me/", Harness.page("{\"id\":3,\"username\":\"ops\"}"));
    assertEquals("ops", h.ok("system_me", "{}").path("username").asText());
  }

  @Test
  void readsTheConfig() {
    h.awx.get("/api/v2/config/", "{\"version\":\"24.6.1\",\"time_zone\":\"UTC\"}");
    assertEquals("UTC", h.ok("system_config", "{}").path("time_zone").asText());
  }

  @Test
  void readsSettingsWithSecretsMasked() {
    h.awx.get("/api/v2/settings/system/", "{\"TOWER_URL_BASE\":\"https://awx\",\"SOCIAL_AUTH_SECRET\":\"x1\"}");
    JsonNode out = h.ok("system_settings", "{\"category\":\"system\"}");
    assertEquals("****", out.path("SOCIAL_AUTH_SECRET").asText());
  }

  @Test
  void sendsTheCallersHeaderTokenInsteadOfTheConfiguredOne() {
    h.awx.get("/api/v2/me/", Harness.page("{\"id\":3,\"username\":\"carol\"}"));
    McpClient carol = h.connect(TransportContext.ofHeaders(Map.of("X-AWX-Token", List.of("carol-token"))));
    assertFalse(h.call(carol, "system_me", "{}").failed());
    assertEquals("Bearer carol-token", h.awx.only("GET", "/api/v2/me/").getHeaders().get("Authorization"));
  }

  @Test
  void concurrentCallersNeverSeeEachOthersCredentials() throws Exception {
    h.awx.on("GET", "/api/v2/me/", request -> json(200, Harness.page("{\"id\":1,\"username\":\""
        + request.getHeaders().get("Authorization").substring("Bearer ".length()) + "\"}")));
    List<McpClient> callers = List.of(
        h.connect(TransportContext.ofHeaders(Map.of("X-AWX-Token", List.of("alice")))),
        h.connect(TransportContext.ofHeaders(Map.of("X-AWX-Token", List.of("bob")))));
    List<java.util.concurrent.CompletableFuture<CallToolResult>> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      for (McpClient caller : callers) {
        calls.add(caller.async().callTool("system_me", Harness.json("{}")));
      }
    }
    for (int i = 0; i < calls.size(); i++) {
      CallToolResult result = calls.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(i % 2 == 0 ? "alice" : "bob", result.structuredContent().path("username").asText());
    }
  }

  @Test
  void refusesAHeaderBaseUrlOffTheAllowlist() {
    McpClient mallory = h.connect(TransportContext.ofHeaders(
        Map.of("X-AWX-Base-URL", List.of("http://169.254.169.254/"), "X-AWX-Token", List.of("t"))));
    CallToolResult result = h.call(mallory, "system_me", "{}");
    assertTrue(result.failed());
    assertTrue(Harness.text(result).contains("allowlist"));
    assertTrue(h.awx.requests().isEmpty());
  }

  @Test
  void acceptsAHeaderBaseUrlOfAConfiguredEnvironment() {
    h.awx.get("/api/v2/me/", Harness.page("{\"id\":3,\"username\":\"carol\"}"));
    String prodUrl = h.environments.find("prod").orElseThrow().baseUrl();
    McpClient carol = h.connect(TransportContext.ofHeaders(Map.of("X-AWX-Base-URL", List.of(prodUrl),
        "X-AWX-Username", List.of("carol"), "X-AWX-Password", List.of("pw"))));
    assertFalse(h.call(carol, "system_me", "{}").failed());
    assertTrue(h.awx.only("GET", "/api/v2/me/").getHeaders().get("Authorization").startsWith("Basic "));
  }
}
