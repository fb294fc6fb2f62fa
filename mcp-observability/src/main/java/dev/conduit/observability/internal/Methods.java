package dev.conduit.observability.internal;

import java.util.Set;

/** The MCP method names, so that a peer's made-up method names cannot each become a tag value of their own. */
public final class Methods {

  /** The tag value for a method that is not part of MCP. */
  public static final String OTHER = "other";

  private static final Set<String> KNOWN = Set.of(
      "initialize", "ping", "server/discover",
      "tools/list", "tools/call",
      "resources/list", "resources/templates/list", "resources/read", "resources/subscribe", "resources/unsubscribe",
      "prompts/list", "prompts/get",
      "completion/complete", "logging/setLevel", "subscriptions/listen",
      "sampling/createMessage", "elicitation/create", "roots/list",
      "tasks/get", "tasks/result", "tasks/list", "tasks/cancel");

  private Methods() {}

  /** {@code method} if MCP defines it, otherwise {@link #OTHER}. */
  public static String bounded(String method) {
    return KNOWN.contains(method) ? method : OTHER;
  }

  /** Whether the request's {@link dev.conduit.protocol.interceptor.McpRequest#target()} names a tool or prompt. */
  public static boolean targetsByName(String method) {
    return method.equals("tools/call") || method.equals("prompts/get");
  }
}
