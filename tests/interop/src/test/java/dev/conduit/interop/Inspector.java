package dev.conduit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The pinned Inspector CLI ({@code @modelcontextprotocol/inspector-cli} 1.0.3), one call per run. */
final class Inspector {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger RUNS = new AtomicInteger();

  private Inspector() {}

  /** The server at a Streamable HTTP URL. */
  static List<String> http(String url) {
    return List.of(url, "--transport", "http");
  }

  /** The server at a legacy HTTP+SSE URL. */
  static List<String> sse(String url) {
    return List.of(url, "--transport", "sse");
  }

  /**
   * Runs the CLI against {@code server} (its target: a URL and transport, or a stdio command line) with {@code
   * method}'s arguments, and parses what it prints; fails unless it exits 0 with JSON.
   */
  static JsonNode inspect(String runName, List<String> server, String... method) {
    List<String> arguments = new ArrayList<>(List.of("--cli"));
    arguments.addAll(server);
    arguments.addAll(List.of(method));
    Path folder = Processes.folder("inspector/" + runName + "-" + RUNS.incrementAndGet());
    // The CLI must run where ../package.json exists (see NodeTools.inspectorWorkDir).
    Processes.Result run = Processes.run(NodeTools.command("mcp-inspector-cli", arguments.toArray(String[]::new)),
        NodeTools.inspectorWorkDir(), NodeTools.env(), folder);
    assertEquals(0, run.exitCode(), run::describe);
    try {
      return JSON.readTree(run.stdout());
    } catch (IOException e) {
      return fail("The Inspector CLI did not print JSON: " + e.getMessage() + "\n" + run.describe());
    }
  }
}
