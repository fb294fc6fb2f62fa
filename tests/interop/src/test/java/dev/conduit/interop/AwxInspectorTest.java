package dev.conduit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.awx.simulator.AwxSimulator;
import dev.conduit.awx.simulator.JobTiming;
import dev.conduit.awx.simulator.SeedData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifies that the official Inspector CLI ({@code @modelcontextprotocol/inspector-cli} 1.0.3) drives the AWX server
 * sample's runnable jar ({@code java -jar samples/awx-server/target/conduit-awx-server.jar}) over stdio, as an MCP
 * host would: it lists the tools, launches a job template, waits for the job and reads its output.
 *
 * <p>The CLI makes one call per run and starts the server anew each time. With {@code --demo} each server has an
 * AWX simulator of its own, so a job launched in one run is gone in the next; the launch, wait and output sequence
 * therefore runs against one simulator in this JVM (the demo estate), which each run's server reaches through the
 * {@code AWX_BASE_URL} and {@code AWX_TOKEN} variables the CLI passes with {@code -e}.
 */
class AwxInspectorTest {

  private static final int DEMO_JOB_TEMPLATE = 3;
  private static final int SEEDED_FINISHED_JOB = 2;

  @Test
  void listsTheAwxToolsOfTheDemoServer() {
    JsonNode tools = inspect(demo(), "--method", "tools/list").path("tools");
    List<String> names = new ArrayList<>();
    tools.forEach(tool -> {
      names.add(tool.path("name").asText());
      assertFalse(tool.path("description").asText().isEmpty(), () -> "no description: " + tool);
    });
    assertTrue(names.containsAll(List.of("environments_list", "job_templates_list", "job_launch", "job_wait",
        "job_stdout", "job_failure_summary", "inventories_list", "workflow_launch")), () -> "tools: " + names);
  }

  @Test
  void launchesADemoJobTemplateAndWaitsForItsJobInDemoMode() {
    JsonNode job = structured(inspect(demo(), "--method", "tools/call", "--tool-name", "job_launch",
        "--tool-arg", "job_template_id=" + DEMO_JOB_TEMPLATE, "wait=true"));
    assertTrue(job.path("id").asLong() > SEEDED_FINISHED_JOB, job::toString);
    assertEquals("successful", job.path("status").asText(), job::toString);
  }

  @Test
  void readsTheOutputOfTheDemoEstatesFinishedJobInDemoMode() {
    String stdout = structured(inspect(demo(), "--method", "tools/call", "--tool-name", "job_stdout",
        "--tool-arg", "job_id=" + SEEDED_FINISHED_JOB)).path("content").asText();
    assertPlaybookOutput(stdout);
  }

  @Test
  void launchesAJobTemplateWaitsForTheJobAndReadsItsOutputAcrossRuns() {
    try (AwxSimulator awx = AwxSimulator.builder().token("inspector-token").seed(SeedData.demo())
        .jobTiming(new JobTiming(Duration.ofMillis(50))).start()) {
      List<String> server = new ArrayList<>(List.of("-e", "AWX_BASE_URL=" + awx.url(), "-e",
          "AWX_TOKEN=inspector-token"));
      server.addAll(Jars.java(Jars.awxServer()));

      JsonNode launched = structured(inspect(server, "--method", "tools/call", "--tool-name", "job_launch",
          "--tool-arg", "job_template_id=" + DEMO_JOB_TEMPLATE));
      long job = launched.path("id").asLong();
      assertTrue(job > SEEDED_FINISHED_JOB, launched::toString);

      JsonNode finished = structured(inspect(server, "--method", "tools/call", "--tool-name", "job_wait",
          "--tool-arg", "job_id=" + job, "timeout_seconds=120"));
      assertEquals("successful", finished.path("status").asText(), finished::toString);
      assertEquals(job, finished.path("id").asLong(), finished::toString);

      String stdout = structured(inspect(server, "--method", "tools/call", "--tool-name", "job_stdout",
          "--tool-arg", "job_id=" + job)).path("content").asText();
      assertPlaybookOutput(stdout);
      assertEquals(1, awx.state().jobsLaunched());
    }
  }

  /** What the simulator prints for the demo template's hello_world.yml on the demo inventory. */
  private static void assertPlaybookOutput(String stdout) {
    assertTrue(stdout.contains("PLAY [Simulated play: hello_world.yml]"), stdout);
    assertTrue(stdout.contains("TASK [Gathering Facts]"), stdout);
    assertTrue(stdout.contains("ok: [web1.example.com]"), stdout);
    assertTrue(stdout.contains("PLAY RECAP"), stdout);
  }

  private static List<String> demo() {
    return Jars.java(Jars.awxServer(), "--demo");
  }

  private static JsonNode structured(JsonNode result) {
    assertFalse(result.path("isError").asBoolean(), result::toString);
    JsonNode structured = result.path("structuredContent");
    assertTrue(structured.isObject(), result::toString);
    return structured;
  }

  /** Runs the Inspector CLI against {@code server} (a stdio command line) with {@code method}'s arguments. */
  private static JsonNode inspect(List<String> server, String... method) {
    return Inspector.inspect("awx", server, method);
  }
}
