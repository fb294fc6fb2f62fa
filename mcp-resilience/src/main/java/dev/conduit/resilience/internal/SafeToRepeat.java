package dev.conduit.resilience.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Decides which calls may be sent again: reads and lists always, a tool call only when the tool is known to be
 * read-only or idempotent, from the {@code tools/list} results seen so far or from the user's declaration. An unknown
 * tool is never repeated.
 */
final class SafeToRepeat {

  private static final Set<String> READS =
      Set.of("ping", "resources/read", "prompts/get", "completion/complete");

  private final Set<String> declaredTools;
  private final Map<String, Boolean> listedTools = new ConcurrentHashMap<>();

  SafeToRepeat(Set<String> declaredTools) {
    this.declaredTools = Set.copyOf(declaredTools);
  }

  boolean allows(McpRequest request) {
    String method = request.method();
    if (READS.contains(method) || method.endsWith("/list")) {
      return true;
    }
    if (!method.equals("tools/call")) {
      return false;
    }
    String tool = request.target();
    return tool != null && (declaredTools.contains(tool) || listedTools.getOrDefault(tool, false));
  }

  /** Learns the annotations of the tools in a {@code tools/list} result. */
  void observe(McpRequest request, @Nullable JsonPayload result) {
    if (!request.method().equals("tools/list") || result == null) {
      return;
    }
    JsonNode tools = result.tree().path("tools");
    for (JsonNode tool : tools) {
      String name = tool.path("name").asText(null);
      if (name != null) {
        JsonNode hints = tool.path("annotations");
        boolean repeatable =
            hints.path("readOnlyHint").asBoolean(false) || hints.path("idempotentHint").asBoolean(false);
        listedTools.put(name, repeatable);
      }
    }
  }
}
