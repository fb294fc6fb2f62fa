package dev.conduit.awx.tools.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.awx.AwxClient;
import dev.conduit.awx.env.AwxEnvironment;
import dev.conduit.protocol.server.Arguments;
import dev.conduit.protocol.server.RequestContext;
import dev.conduit.protocol.server.ToolException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One tool call, bound to the AWX environment and client it resolved to.
 *
 * @param args the arguments
 * @param context the MCP request
 * @param environment the environment (with the caller's header credentials, if any)
 * @param client the client to call AWX with
 * @param pollInterval the first wait between polls of a running job
 * @param writesAllowed false in read-only mode, where even a wait must not cancel the job it waits for
 */
public record Call(
    Arguments args, RequestContext context, AwxEnvironment environment, AwxClient client, Duration pollInterval,
    boolean writesAllowed) {

  /** A required id argument. */
  public long id(String name) {
    long id = args.requireInteger(name);
    if (id < 1) {
      throw new ToolException("'" + name + "' must be a positive id");
    }
    return id;
  }

  /** An optional string argument. */
  public @Nullable String string(String name) {
    return args.string(name);
  }

  /** An optional argument, as JSON. */
  public @Nullable JsonNode json(String name) {
    JsonNode node = args.get(name);
    return node == null || node.isNull() ? null : node;
  }

  /** The query of a list tool: {@code page}, {@code page_size}, {@code search}, {@code order_by}, the filters. */
  public Map<String, String> listQuery() {
    Map<String, String> query = new LinkedHashMap<>();
    JsonNode filters = json("filters");
    if (filters != null) {
      filters.fields().forEachRemaining(f -> query.put(f.getKey(), f.getValue().asText()));
    }
    query.put("page", Long.toString(args.integer("page", 1)));
    query.put("page_size", Long.toString(args.integer("page_size", 25)));
    putIfSet(query, "search", string("search"));
    putIfSet(query, "order_by", string("order_by"));
    return query;
  }

  /** The page number asked for. */
  public int page() {
    return (int) args.integer("page", 1);
  }

  /** The arguments named {@code fields}, as a JSON body (absent ones left out). */
  public ObjectNode body(String... fields) {
    ObjectNode body = Schema.JSON.createObjectNode();
    for (String field : fields) {
      JsonNode value = json(field);
      if (value != null) {
        body.set(field, value);
      }
    }
    return body;
  }

  /** Puts {@code value} under {@code key} if it is not null. */
  public static void putIfSet(Map<String, String> query, String key, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      query.put(key, value);
    }
  }
}
