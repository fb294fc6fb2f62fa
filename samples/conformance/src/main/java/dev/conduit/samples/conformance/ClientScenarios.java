package dev.conduit.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ElicitRequestParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.PromptArgument;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.samples.conformance.ConformanceClient.Run;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * What the conformance client does in each client scenario of the suite (0.2.0-alpha.12), in both revisions: the
 * scenario's mock server checks what arrives. The authorization scenarios ({@code auth/*}) connect and call a tool as
 * any client would; this client has no OAuth yet, so they fail at the server's 401 (authorization is issue 12).
 */
final class ClientScenarios {

  /** The steps of one scenario. */
  @FunctionalInterface
  interface Scenario {
    void run(Run run) throws Exception;
  }

  private static final String AUTH = "auth/";
  private static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

  static {
    SCENARIOS.put("initialize", run -> {
      try (McpClient client = run.client().connect()) {
        client.listAllTools();
      }
    });
    SCENARIOS.put("tools_call", run -> {
      try (McpClient client = run.client().connect()) {
        client.listAllTools();
        succeeded(client.callTool("add_numbers", Map.of("a", 5, "b", 3)));
      }
    });
    SCENARIOS.put("elicitation-sep1034-client-defaults", run -> {
      try (McpClient client = run.client().elicitation(ClientScenarios::acceptWithDefaults).connect()) {
        succeeded(client.callTool("test_client_elicitation_defaults", Map.of()));
      }
    });
    SCENARIOS.put("sse-retry", run -> {
      try (McpClient client = run.client().connect()) {
        succeeded(client.callTool("test_reconnection", Map.of()));
      }
    });
    SCENARIOS.put("request-metadata", run -> {
      try (McpClient client = run.client().connect()) {
        client.listAllTools();
      }
    });
    SCENARIOS.put("sep-2322-client-request-state", ClientScenarios::inputRounds);
    SCENARIOS.put("http-standard-headers", ClientScenarios::everyFeature);
    SCENARIOS.put("http-custom-headers", ClientScenarios::contextToolCalls);
    SCENARIOS.put("http-invalid-tool-headers", ClientScenarios::everyListedTool);
    SCENARIOS.put("json-schema-ref-no-deref", run -> {
      try (McpClient client = run.client().connect()) {
        client.listAllTools();
      }
    });
    SCENARIOS.put("json-schema-2020-12-preservation", ClientScenarios::echoSchema);
    SCENARIOS.put("sep-2640-client-no-prefetch", run -> {
      try (McpClient client = run.client().connect()) {
        new SkillsHost(client).list();
      }
    });
    for (String verified : List.of("digest", "size", "frontmatter")) {
      SCENARIOS.put("sep-2640-client-verify-" + verified, run -> {
        try (McpClient client = run.client().connect()) {
          SkillsHost host = new SkillsHost(client);
          for (SkillsHost.Entry skill : host.list()) {
            host.load(skill);
          }
        }
      });
    }
  }

  private ClientScenarios() {}

  /** The steps of {@code scenario}, or null if this client does not know it. */
  static @Nullable Scenario named(String scenario) {
    return scenario.startsWith(AUTH) ? ClientScenarios::authorized : SCENARIOS.get(scenario);
  }

  /** Every scenario this client knows, for a message. */
  static String names() {
    return new TreeSet<>(SCENARIOS.keySet()) + " and every " + AUTH + "* scenario";
  }

  /** What a client of a protected server does: connects, lists the tools and calls one. */
  private static void authorized(Run run) {
    try (McpClient client = run.client().connect()) {
      List<Tool> tools = client.listAllTools();
      if (!tools.isEmpty()) {
        client.callTool(tools.get(0).name(), Map.of());
      }
    }
  }

  /**
   * SEP-2322 rounds: {@code requestState} is echoed exactly, a round without state is retried without one, a result
   * without {@code resultType} is complete, and a call made while another call's round is open carries none of that
   * round's answers or state.
   */
  private static void inputRounds(Run run) {
    AtomicBoolean unrelatedCalled = new AtomicBoolean();
    McpClient[] self = new McpClient[1];
    try (McpClient client = run.client().elicitation(request -> {
      if (!unrelatedCalled.getAndSet(true)) {
        // Another call while this round is open: it must go out clean.
        succeeded(self[0].callTool("test_mrtr_unrelated", Map.of()));
      }
      return acceptWithDefaults(request);
    }).connect()) {
      self[0] = client;
      client.listAllTools();
      succeeded(client.callTool("test_mrtr_echo_state", Map.of()));
      succeeded(client.callTool("test_mrtr_no_state", Map.of()));
      succeeded(client.callTool("test_mrtr_no_result_type", Map.of()));
    }
  }

  /** Lists and uses every tool, resource and prompt, so that each method goes out with its standard headers. */
  private static void everyFeature(Run run) {
    try (McpClient client = run.client().connect()) {
      for (Tool tool : client.listAllTools()) {
        client.callTool(tool.name(), sampleArguments(tool));
      }
      for (Resource resource : client.listAllResources()) {
        client.readResource(resource.uri());
      }
      for (Prompt prompt : client.listAllPrompts()) {
        Map<String, String> arguments = new LinkedHashMap<>();
        if (prompt.arguments() != null) {
          for (PromptArgument argument : prompt.arguments()) {
            arguments.put(argument.name(), "conformance");
          }
        }
        client.getPrompt(prompt.name(), arguments);
      }
    }
  }

  /** Makes the calls the scenario's context names, with their arguments. */
  private static void contextToolCalls(Run run) {
    JsonNode calls = run.context() == null ? null : run.context().get("toolCalls");
    if (calls == null || !calls.isArray()) {
      throw new IllegalStateException("MCP_CONFORMANCE_CONTEXT has no toolCalls");
    }
    try (McpClient client = run.client().connect()) {
      client.listAllTools();
      for (JsonNode call : calls) {
        succeeded(client.callTool(call.path("name").asText(), call.path("arguments")));
      }
    }
  }

  /** Calls every tool the client lists (which leaves out tools it must not call). */
  private static void everyListedTool(Run run) {
    try (McpClient client = run.client().connect()) {
      for (Tool tool : client.listAllTools()) {
        client.callTool(tool.name(), sampleArguments(tool));
      }
    }
  }

  /** Passes the rich input schema back, as it arrived, so the scenario can see what survived. */
  private static void echoSchema(Run run) {
    try (McpClient client = run.client().connect()) {
      Tool focal = client.listAllTools().stream().filter(tool -> tool.name().equals("json_schema_2020_12_tool"))
          .findFirst().orElseThrow(() -> new IllegalStateException("json_schema_2020_12_tool is not listed"));
      ObjectNode arguments = JsonNodeFactory.instance.objectNode();
      arguments.set("schema", focal.inputSchema());
      succeeded(client.callTool("json_schema_echo", arguments));
    }
  }

  /** Accepts an elicitation, leaving fields with a default to the client (SEP-1034) and filling the others. */
  static ElicitResult acceptWithDefaults(ElicitRequestParams request) {
    JsonNode schema = JsonPayload.of(request).tree().path("requestedSchema").path("properties");
    ObjectNode content = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().has("default")) {
        content.set(field.getKey(), sample(field.getValue()));
      }
    }
    return ElicitResult.accept(content);
  }

  /** Arguments that fit a tool's required parameters. */
  private static ObjectNode sampleArguments(Tool tool) {
    ObjectNode arguments = JsonNodeFactory.instance.objectNode();
    JsonNode schema = tool.inputSchema();
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    for (String name : required) {
      arguments.set(name, sample(schema.path("properties").path(name)));
    }
    return arguments;
  }

  private static JsonNode sample(JsonNode property) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    JsonNode options = property.get("enum");
    if (options != null && options.isArray() && !options.isEmpty()) {
      return options.get(0);
    }
    return switch (property.path("type").asText()) {
      case "boolean" -> json.booleanNode(true);
      case "integer" -> json.numberNode(1);
      case "number" -> json.numberNode(1.5);
      case "object" -> json.objectNode();
      case "array" -> json.arrayNode();
      default -> json.textNode("conformance");
    };
  }

  private static void succeeded(CallToolResult result) {
    if (result.failed()) {
      throw new IllegalStateException("The tool reported an error: " + result.content());
    }
  }
}
