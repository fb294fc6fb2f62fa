package dev.conduit.awx.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.awx.AwxAuth;
import dev.conduit.awx.env.AwxEnvironment;
import dev.conduit.awx.env.AwxEnvironments;
import dev.conduit.awx.simulator.AwxSimulator;
import dev.conduit.awx.simulator.JobTiming;
import dev.conduit.awx.simulator.SeedData;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import dev.conduit.protocol.transport.TransportContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A demo-seeded AWX simulator (AAP 2.5+ gateway prefix, detected by the client) and the AWX tools over MCP. */
abstract class SimulatorFixture {

  static AwxSimulator sim;
  static AwxEnvironments environments;
  static McpServer server;
  private static final List<McpClient> clients = new ArrayList<>();
  static McpClient client;

  @BeforeAll
  static void start() {
    sim = AwxSimulator.builder().seed(SeedData.demo()).jobTiming(JobTiming.fast()).token("sim-token")
        .auditor("auditor", "look-only").start();
    AwxEnvironment env = AwxEnvironment.of("sim", sim.url().toString(), AwxAuth.bearer("sim-token"));
    environments = AwxEnvironments.of(List.of(env), null);
    server = AwxTools.builder().environments(environments).pollInterval(Duration.ofMillis(10)).build()
        .registerOn(McpServer.builder().info("awx", "1")).build();
    client = connect(TransportContext.empty());
  }

  @AfterAll
  static void stop() {
    clients.forEach(McpClient::close);
    server.close();
    environments.close();
    sim.close();
  }

  static McpClient connect(TransportContext context) {
    InMemoryTransport.Pair pair = InMemoryTransport.builder().serverContext(context).build();
    server.connect(pair.server());
    McpClient connected = McpClient.builder().transport(pair.client()).requestTimeout(Duration.ofSeconds(60))
        .connect();
    clients.add(connected);
    return connected;
  }

  static CallToolResult call(String tool, String args) {
    return client.callTool(tool, Harness.json(args), RequestOptions.defaults());
  }

  static JsonNode ok(String tool, String args) {
    CallToolResult result = call(tool, args);
    assertFalse(result.failed(), () -> tool + " " + args + " failed: " + Harness.text(result));
    return result.structuredContent();
  }

  /** The id of the object named {@code name} that {@code listTool} lists. */
  static long id(String listTool, String name) {
    JsonNode results = ok(listTool, "{\"filters\":{\"name\":\"" + name + "\"}}").path("results");
    assertEquals(1, results.size(), () -> name + " not found by " + listTool + ": " + results);
    return results.get(0).path("id").asLong();
  }

  static long launch(String template, String extra) {
    JsonNode out = ok("job_launch", "{\"job_template_id\":" + id("job_templates_list", template) + extra + "}");
    return out.path("id").asLong();
  }

  /** Waits, generously, for something the simulator does in the background. */
  static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the condition did not become true in 30 s");
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }
}
