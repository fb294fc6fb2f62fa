package dev.conduit.samples.awx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.transport.stdio.StdioClientTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The server over stdio in a child JVM ({@code Main --demo} on this test's class path), driven by Conduit's own
 * client, as an MCP host would drive it.
 */
class StdioDemoTest {

  private static McpClient connect(String... args) {
    StdioClientTransport transport = StdioClientTransport.builder(ChildJvm.command(args))
        .onStderr(line -> System.err.println("[awx-server] " + line))
        .build();
    // A demo job takes seconds; on a loaded machine several times that.
    return McpClient.builder().transport(transport).requestTimeout(Duration.ofMinutes(3)).connect();
  }

  private static JsonNode ok(McpClient client, String tool, Map<String, Object> arguments) {
    CallToolResult result = client.callTool(tool, arguments);
    assertNotEquals(Boolean.TRUE, result.isError(), () -> tool + " failed: " + result);
    return Objects.requireNonNull(result.structuredContent(), () -> tool + " returned no structured content");
  }

  @Test
  void listsTheAwxToolsInDemoMode() {
    try (McpClient client = connect("--demo")) {
      List<String> names = client.listAllTools().stream().map(Tool::name).toList();
      assertTrue(names.containsAll(List.of("environments_list", "job_templates_list", "job_launch", "job_wait",
          "job_stdout", "inventories_list", "workflow_launch")), names::toString);
      assertEquals("conduit-awx", Objects.requireNonNull(client.serverInfo()).name());
    }
  }

  @Test
  void launchesADemoJobTemplateWaitsForTheJobAndReadsItsOutput() {
    try (McpClient client = connect("--demo")) {
      JsonNode templates = ok(client, "job_templates_list", Map.of("search", "Demo Job Template"));
      assertEquals(3, templates.path("results").path(0).path("id").asInt(), templates::toString);

      JsonNode launched = ok(client, "job_launch", Map.of("job_template_id", 3));
      long job = launched.path("id").asLong();
      assertTrue(job > 0, launched::toString);

      JsonNode finished = ok(client, "job_wait", Map.of("job_id", job, "timeout_seconds", 180));
      assertEquals("successful", finished.path("status").asText(), finished::toString);

      String stdout = ok(client, "job_stdout", Map.of("job_id", job)).path("content").asText();
      assertTrue(stdout.contains("PLAY [Simulated play: hello_world.yml]"), stdout);
      assertTrue(stdout.contains("ok: [web1.example.com]"), stdout);
      assertTrue(stdout.contains("PLAY RECAP"), stdout);
    }
  }

  @Test
  void leavesOutEveryToolThatChangesAwxInReadOnlyMode() {
    try (McpClient client = connect("--demo", "--read-only")) {
      List<Tool> tools = client.listAllTools();
      List<String> names = tools.stream().map(Tool::name).toList();
      assertTrue(names.containsAll(List.of("job_templates_list", "job_wait", "job_stdout")), names::toString);
      for (String mutating : List.of("job_launch", "job_cancel", "job_template_delete", "inventory_create",
          "workflow_launch", "project_sync")) {
        assertFalse(names.contains(mutating), () -> mutating + " is offered in read-only mode: " + names);
      }
    }
  }

  @Test
  void offersOnlyTheChosenToolsets() {
    try (McpClient client = connect("--demo", "--toolsets", "system,environments")) {
      List<String> names = client.listAllTools().stream().map(Tool::name).toList();
      assertTrue(names.contains("system_ping") && names.contains("environments_list"), names::toString);
      assertFalse(names.contains("job_launch"), names::toString);
    }
  }
}
