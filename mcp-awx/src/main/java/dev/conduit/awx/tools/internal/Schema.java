package dev.conduit.awx.tools.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds a tool's input schema: an object with typed, described, bounded properties, {@code required} and {@code
 * additionalProperties: false}. Every AWX tool also takes the optional {@code environment} argument.
 */
public final class Schema {

  static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode root = JSON.createObjectNode();
  private final ObjectNode properties;
  private final ArrayNode required;

  private Schema(boolean withEnvironment) {
    root.put("type", "object");
    properties = root.putObject("properties");
    required = JSON.createArrayNode();
    if (withEnvironment) {
      string("environment", "The configured AWX environment to use (default: the session's current one)");
    }
  }

  /** An input schema with the {@code environment} argument. */
  public static Schema input() {
    return new Schema(true);
  }

  /** An input schema without it (for the environment tools, which name environments themselves). */
  public static Schema bare() {
    return new Schema(false);
  }

  /** A required positive integer id. */
  public Schema id(String name, String description) {
    integer(name, description, 1L, null);
    return require(name);
  }

  /** An optional integer, with optional bounds. */
  public Schema integer(String name, String description, @Nullable Long min, @Nullable Long max) {
    ObjectNode p = prop(name, "integer", description);
    if (min != null) {
      p.put("minimum", min);
    }
    if (max != null) {
      p.put("maximum", max);
    }
    return this;
  }

  /** An optional string. */
  public Schema string(String name, String description) {
    prop(name, "string", description).put("maxLength", 4096);
    return this;
  }

  /** An optional string with a pattern. */
  public Schema pattern(String name, String description, String regex) {
    prop(name, "string", description).put("pattern", regex);
    return this;
  }

  /** An optional string among {@code values}. */
  public Schema choice(String name, String description, List<String> values) {
    ArrayNode allowed = prop(name, "string", description).putArray("enum");
    values.forEach(allowed::add);
    return this;
  }

  /** An optional boolean. */
  public Schema bool(String name, String description) {
    prop(name, "boolean", description);
    return this;
  }

  /** An optional list of strings. */
  public Schema strings(String name, String description) {
    prop(name, "array", description).putObject("items").put("type", "string");
    return this;
  }

  /** An optional list of positive integer ids. */
  public Schema ids(String name, String description) {
    ObjectNode items = prop(name, "array", description).putObject("items");
    items.put("type", "integer").put("minimum", 1);
    return this;
  }

  /** An optional JSON object of any shape. */
  public Schema object(String name, String description) {
    prop(name, "object", description);
    return this;
  }

  /** Marks properties required. */
  public Schema require(String... names) {
    for (String name : names) {
      required.add(name);
    }
    return this;
  }

  /** The page arguments of a list tool: {@code page}, {@code page_size}, {@code search}, {@code order_by}, filters. */
  public Schema paging() {
    integer("page", "Page number, from 1", 1L, null);
    integer("page_size", "Objects per page (AWX caps it at 200; default 25)", 1L, 200L);
    string("search", "Free-text search over the objects' names and descriptions");
    string("order_by", "Sort field, '-' prefix for descending, e.g. '-id' or 'name'");
    ObjectNode filters = prop("filters", "object",
        "Extra AWX filters passed as query parameters, e.g. {\"status\": \"failed\", \"created__gt\": "
            + "\"2026-01-01\", \"name__icontains\": \"web\"}");
    ObjectNode values = filters.putObject("additionalProperties");
    ArrayNode types = values.putArray("type");
    types.add("string").add("integer").add("boolean");
    return this;
  }

  /** The finished schema. */
  public ObjectNode build() {
    ObjectNode copy = root.deepCopy();
    if (!required.isEmpty()) {
      copy.set("required", required.deepCopy());
    }
    copy.put("additionalProperties", false);
    return copy;
  }

  private ObjectNode prop(String name, String type, String description) {
    ObjectNode p = properties.putObject(name);
    p.put("type", type);
    p.put("description", description);
    return p;
  }

  /** The output schema of list tools. */
  public static ObjectNode listOutput() {
    ObjectNode schema = JSON.createObjectNode().put("type", "object");
    ObjectNode props = schema.putObject("properties");
    props.putObject("count").putArray("type").add("integer").add("null");
    props.putObject("page").put("type", "integer");
    props.putObject("next_page").putArray("type").add("integer").add("null");
    props.putObject("results").put("type", "array").putObject("items").put("type", "object");
    schema.putArray("required").add("results");
    return schema;
  }

  /** The output schema of get tools and of tools that return one AWX object. */
  public static ObjectNode objectOutput(String... requiredFields) {
    ObjectNode schema = JSON.createObjectNode().put("type", "object");
    if (requiredFields.length > 0) {
      ArrayNode list = schema.putArray("required");
      for (String field : requiredFields) {
        list.add(field);
      }
    }
    return schema;
  }
}
