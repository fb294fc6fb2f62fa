package dev.conduit.observability.internal;

import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.CallToolRequestParams;
import dev.conduit.protocol.schema.GetPromptRequestParams;
import dev.conduit.protocol.schema.ListResourcesResult;
import dev.conduit.protocol.schema.ReadResourceRequestParams;
import dev.conduit.protocol.schema.Resource;
import org.jspecify.annotations.Nullable;

/**
 * What a request acts on, as a tag value of bounded cardinality.
 *
 * <p>A tool or prompt name becomes a tag value once a request for it was answered with a result rather than a
 * JSON-RPC error, which on a server means the name is registered there. A resource URI becomes one only if a {@code
 * resources/list} result passing the same interceptor listed it: URIs read through resource templates, which may
 * hold ids, never do. Beyond the cap, and before that, a name is {@link BoundedNames#OTHER}.
 */
public final class Targets {

  private final BoundedNames names;
  private final BoundedNames resources;

  /** Lets at most {@code cap} names of each kind (tools and prompts, resource URIs) become tag values. */
  public Targets(int cap) {
    this.names = new BoundedNames(cap);
    this.resources = new BoundedNames(cap);
  }

  /**
   * The tag value for what a {@code method} request acts on, given its {@link #nameOf name}; {@link
   * BoundedNames#NONE} if it names nothing.
   */
  public String tag(String method, @Nullable String name) {
    if (Methods.targetsByName(method)) {
      return names.tag(name);
    }
    if (method.equals("resources/read")) {
      return resources.tag(name);
    }
    return BoundedNames.NONE;
  }

  /** Learns from a completed request, whose {@link #nameOf name} is {@code name}, which names are real. */
  public void learn(McpRequest request, @Nullable String name, @Nullable JsonPayload result, RequestOutcome outcome) {
    if (outcome.errorCode() != null || outcome.outcome().equals(RequestOutcome.CANCELLED)) {
      return;
    }
    String method = request.method();
    if (Methods.targetsByName(method)) {
      if (name != null) {
        names.admit(name);
      }
    } else if (method.equals("resources/list") && result != null) {
      try {
        for (Resource resource : result.as(ListResourcesResult.class).resources()) {
          resources.admit(resource.uri());
        }
      } catch (IllegalArgumentException malformed) {
        // The peer's result does not bind; the engine reports that to the caller, and no URI is learnt.
      }
    }
  }

  /**
   * The tool or prompt name, or the resource URI, of {@code request}; {@code null} if it has none. Reads a raw
   * payload's member index, or the record a client's payload holds, so that neither costs a bind.
   */
  public static @Nullable String nameOf(McpRequest request) {
    JsonPayload params = request.params();
    if (params == null) {
      return null;
    }
    if (params.isRaw()) {
      return request.target();
    }
    try {
      return switch (request.method()) {
        case "tools/call" -> params.as(CallToolRequestParams.class).name();
        case "prompts/get" -> params.as(GetPromptRequestParams.class).name();
        case "resources/read" -> params.as(ReadResourceRequestParams.class).uri();
        default -> request.target();
      };
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }
}
