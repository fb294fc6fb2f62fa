package dev.conduit.samples.conformance;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
import java.util.List;
import java.util.Map;

/**
 * The client the MCP conformance suite runs for its client scenarios: {@code conformance client --command "java ...
 * ConformanceClient"} appends the mock server's URL and names the scenario in {@code MCP_CONFORMANCE_SCENARIO}.
 * Exits 0 when the scenario's steps succeed.
 */
public final class ConformanceClient {

  private ConformanceClient() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: ConformanceClient <server-url>   (scenario in MCP_CONFORMANCE_SCENARIO)");
      System.exit(2);
    }
    String url = args[args.length - 1];
    String scenario = System.getenv().getOrDefault("MCP_CONFORMANCE_SCENARIO", "initialize");
    try {
      run(scenario, url);
      System.exit(0);
    } catch (RuntimeException e) {
      System.err.println("Scenario " + scenario + " failed: " + e);
      System.exit(1);
    }
  }

  static void run(String scenario, String url) {
    McpClient.Builder builder = McpClient.builder()
        .transport(StreamableHttpClientTransport.create(url))
        .info("conduit-conformance-client", "1.0.0")
        // Conformance 0.1.16 tests the legacy era; its mock servers do not know server/discover.
        .era(Era.LEGACY);
    if (scenario.startsWith("elicitation")) {
      // Accept with no fields of our own: the client fills every field from the schema's defaults (SEP-1034).
      builder.elicitation(request -> ElicitResult.accept(null));
    }
    try (McpClient client = builder.connect()) {
      List<Tool> tools = client.listAllTools();
      switch (scenario) {
        case "initialize" -> { }
        case "tools_call" -> expectSuccess(client.callTool("add_numbers", Map.of("a", 5, "b", 3)));
        case "elicitation-sep1034-client-defaults" ->
            expectSuccess(client.callTool("test_client_elicitation_defaults", Map.of()));
        case "sse-retry" -> expectSuccess(client.callTool("test_reconnection", Map.of()));
        default -> {
          // Unknown scenarios: call the first tool, if any, so the run exercises a round trip.
          if (!tools.isEmpty()) {
            client.callTool(tools.get(0).name(), Map.of());
          }
        }
      }
    }
  }

  private static void expectSuccess(CallToolResult result) {
    if (result.failed()) {
      throw new IllegalStateException("The tool reported an error: " + result.content());
    }
  }
}
