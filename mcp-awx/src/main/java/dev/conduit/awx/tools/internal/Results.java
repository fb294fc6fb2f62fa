package dev.conduit.awx.tools.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.awx.AwxPage;
import dev.conduit.awx.internal.Secrets;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Builds tool results: structured content (secrets masked) plus one short human summary.
 */
public final class Results {

  private static final int NAMES_IN_SUMMARY = 10;

  private Results() {}

  /** A list page: {@code count}, {@code page}, {@code next_page}, {@code results} (without the bulky links). */
  public static CallToolResult page(String noun, AwxPage page, int pageNumber) {
    ObjectNode out = Schema.JSON.createObjectNode();
    if (page.count() == null) {
      out.putNull("count");
    } else {
      out.put("count", page.count());
    }
    out.put("page", pageNumber);
    Integer next = pageNumber(page.next());
    if (next == null) {
      out.putNull("next_page");
    } else {
      out.put("next_page", next);
    }
    ArrayNode results = out.putArray("results");
    List<String> names = new ArrayList<>();
    for (JsonNode item : page.results()) {
      JsonNode copy = Secrets.redact(item);
      if (copy instanceof ObjectNode object) {
        object.remove("related");
      }
      results.add(copy);
      if (names.size() < NAMES_IN_SUMMARY) {
        names.add(label(item));
      }
    }
    String total = page.count() == null ? "" : " of " + page.count();
    String more = page.results().size() > names.size() ? ", …" : "";
    String text = page.results().size() + total + " " + noun + " (page " + pageNumber + ")"
        + (names.isEmpty() ? "" : ": " + String.join(", ", names) + more)
        + (next == null ? "" : "; more on page " + next);
    return result(text, out);
  }

  /** One AWX object. */
  public static CallToolResult object(String noun, JsonNode object) {
    return result(capitalize(noun) + " " + label(object) + status(object), Secrets.redact(object));
  }

  /** An action's outcome: a sentence and the structured details. */
  public static CallToolResult done(String text, JsonNode details) {
    return result(text, Secrets.redact(details));
  }

  /** An action's outcome described by fields. */
  public static CallToolResult done(String text, Map<String, ?> details) {
    return done(text, (JsonNode) Schema.JSON.valueToTree(details));
  }

  /** A result with text and structured content. */
  public static CallToolResult result(String text, JsonNode structured) {
    return new CallToolResult(List.of(TextContent.of(text)), structured, null, null, null, Map.of());
  }

  /** {@code name (#id)}, or what the object has of it. */
  public static String label(JsonNode item) {
    if (!item.isObject()) {
      return item.asText();
    }
    String name = first(item, "name", "username", "hostname", "module_name", "operation", "subject");
    String id = item.path("id").asText("");
    if (name == null) {
      return id.isEmpty() ? "(unnamed)" : "#" + id;
    }
    return id.isEmpty() ? "'" + name + "'" : "'" + name + "' (#" + id + ")";
  }

  private static String status(JsonNode object) {
    String status = object.path("status").asText("");
    return status.isEmpty() ? "" : ": " + status;
  }

  private static @Nullable String first(JsonNode item, String... fields) {
    for (String field : fields) {
      JsonNode value = item.get(field);
      if (value != null && value.isTextual() && !value.asText().isBlank()) {
        return value.asText();
      }
    }
    return null;
  }

  private static @Nullable Integer pageNumber(@Nullable String link) {
    if (link == null) {
      return null;
    }
    HttpUrl url = link.startsWith("/") ? HttpUrl.parse("http://awx" + link) : HttpUrl.parse(link);
    String page = url == null ? null : url.queryParameter("page");
    try {
      return page == null ? null : Integer.valueOf(page);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
