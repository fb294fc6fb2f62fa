package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request inside the API root.
 *
 * @param method the HTTP method
 * @param segments the path below the API root, split on {@code /}, such as {@code [jobs, 5, stdout]}
 * @param fullPath the path and query as the client sent them (AWX builds its page links from it)
 * @param query the decoded query parameters, in order
 * @param body the parsed JSON body, an empty object when there was none
 * @param user the authenticated user
 * @param received when the request arrived (a running job's {@code elapsed} counts up to it)
 */
public record Request(String method, List<String> segments, String fullPath, Map<String, List<String>> query,
    JsonNode body, ObjectNode user, Instant received) {

  /** The first value of a query parameter, or null. */
  public @Nullable String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Whether the method is one that only reads. */
  public boolean isRead() {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }

  /** The body as an object; a non-object body is a parse error for every AWX endpoint that takes one. */
  public ObjectNode bodyObject() throws ApiException {
    if (body instanceof ObjectNode object) {
      return object;
    }
    throw ApiException.detail(400, "JSON parse error - Expected a JSON object.");
  }
}
