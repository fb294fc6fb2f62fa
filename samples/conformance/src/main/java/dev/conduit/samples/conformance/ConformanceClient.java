package dev.conduit.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.EraCache;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The client the MCP conformance suite runs for its client scenarios: {@code conformance client --command "java ...
 * ConformanceClient"} appends the mock server's URL and names the scenario in {@code MCP_CONFORMANCE_SCENARIO}, the
 * protocol revision in {@code MCP_CONFORMANCE_PROTOCOL_VERSION} (2026-07-28 is spoken statelessly, a dated revision
 * up to 2025-11-25 through {@code initialize}, none given: the client asks the server) and a scenario's data in
 * {@code MCP_CONFORMANCE_CONTEXT}. Exits 0 when the scenario's steps succeed, 1 when one fails, 2 for a scenario it
 * does not know.
 */
public final class ConformanceClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConformanceClient() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: ConformanceClient <server-url>   (scenario in MCP_CONFORMANCE_SCENARIO)");
      System.exit(2);
    }
    String scenario = System.getenv().getOrDefault("MCP_CONFORMANCE_SCENARIO", "initialize");
    ClientScenarios.Scenario steps = ClientScenarios.named(scenario);
    if (steps == null) {
      System.err.println("Unknown scenario " + scenario + ": this client dispatches " + ClientScenarios.names());
      System.exit(2);
    }
    try {
      steps.run(new Run(args[args.length - 1], System.getenv("MCP_CONFORMANCE_PROTOCOL_VERSION"),
          context(System.getenv("MCP_CONFORMANCE_CONTEXT"))));
      System.exit(0);
    } catch (Exception e) {
      System.err.println("Scenario " + scenario + " failed: " + e);
      System.exit(1);
    }
  }

  /**
   * One run of a scenario: the mock server's URL, the revision to speak ({@code null}: ask the server) and the
   * scenario's data ({@code null} if it has none).
   */
  record Run(String url, @Nullable String version, @Nullable JsonNode context) {

    /** A client of the right era for this run, to configure further. */
    McpClient.Builder client() {
      McpClient.Builder builder = McpClient.builder()
          .transport(StreamableHttpClientTransport.create(url))
          .info("conduit-conformance-client", "1.0.0")
          .eraCache(EraCache.none())
          // The suite starts the clients of a whole set at once: on a small machine a first answer can be slow.
          .discoveryTimeout(Duration.ofSeconds(60));
      ProtocolVersion named = version == null ? null : ProtocolVersion.parse(version).orElse(null);
      if (named == null) {
        return builder.era(Era.AUTO);
      }
      return named.isModern() ? builder.era(Era.MODERN) : builder.era(Era.LEGACY).legacyVersion(named);
    }
  }

  private static @Nullable JsonNode context(@Nullable String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("MCP_CONFORMANCE_CONTEXT is not JSON: " + e.getMessage(), e);
    }
  }
}
