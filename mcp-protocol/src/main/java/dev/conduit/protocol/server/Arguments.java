package dev.conduit.protocol.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of a tool call: a JSON object, already checked against the tool's input schema.
 *
 * <p>Read fields one by one ({@code arguments.string("city")}) or bind the whole object to a record of your own
 * ({@code arguments.as(WeatherQuery.class)}). The {@code require...} methods throw a {@link ToolException}, which
 * tells the model what was missing.
 */
public final class Arguments {

  private final ObjectNode json;

  private Arguments(ObjectNode json) {
    this.json = json;
  }

  /** Arguments over a JSON object; absent arguments are an empty object. */
  public static Arguments of(@Nullable JsonNode json) {
    if (json == null || json.isNull() || json.isMissingNode()) {
      return new Arguments(Json.MAPPER.createObjectNode());
    }
    if (!json.isObject()) {
      throw new IllegalArgumentException("Tool arguments must be a JSON object");
    }
    return new Arguments((ObjectNode) json);
  }

  /** The arguments as a JSON object. Treat it as read-only. */
  public ObjectNode json() {
    return json;
  }

  /** Whether argument {@code name} is present (even as null). */
  public boolean has(String name) {
    return json.has(name);
  }

  /** The argument {@code name}, or {@code null} if absent. */
  public @Nullable JsonNode get(String name) {
    return json.get(name);
  }

  /** A string argument, or {@code null} if absent or not a string. */
  public @Nullable String string(String name) {
    JsonNode node = json.get(name);
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  /** A string argument, or {@code fallback} if absent or not a string. */
  public String string(String name, String fallback) {
    String value = string(name);
    return value != null ? value : fallback;
  }

  /**
   * A string argument.
   *
   * @throws ToolException if it is absent or not a string
   */
  public String requireString(String name) {
    String value = string(name);
    if (value == null) {
      throw new ToolException("Missing string argument '" + name + "'");
    }
    return value;
  }

  /** A whole-number argument, or {@code fallback} if absent or not a whole number. */
  public long integer(String name, long fallback) {
    JsonNode node = json.get(name);
    return node != null && node.canConvertToExactIntegral() && node.canConvertToLong() ? node.asLong() : fallback;
  }

  /**
   * A whole-number argument.
   *
   * @throws ToolException if it is absent or not a whole number
   */
  public long requireInteger(String name) {
    JsonNode node = json.get(name);
    if (node == null || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
      throw new ToolException("Missing whole-number argument '" + name + "'");
    }
    return node.asLong();
  }

  /** A numeric argument, or {@code fallback} if absent or not a number. */
  public double number(String name, double fallback) {
    JsonNode node = json.get(name);
    return node != null && node.isNumber() ? node.asDouble() : fallback;
  }

  /**
   * A numeric argument.
   *
   * @throws ToolException if it is absent or not a number
   */
  public double requireNumber(String name) {
    JsonNode node = json.get(name);
    if (node == null || !node.isNumber()) {
      throw new ToolException("Missing numeric argument '" + name + "'");
    }
    return node.asDouble();
  }

  /** A boolean argument, or {@code fallback} if absent or not a boolean. */
  public boolean bool(String name, boolean fallback) {
    JsonNode node = json.get(name);
    return node != null && node.isBoolean() ? node.booleanValue() : fallback;
  }

  /**
   * The arguments bound to a type of your own (a record, say).
   *
   * @throws ToolException if they do not fit {@code type}
   */
  public <T> T as(Class<T> type) {
    try {
      return Objects.requireNonNull(Json.MAPPER.treeToValue(json, type));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ToolException(
          "Invalid arguments: "
              + (e instanceof JsonProcessingException p ? Json.describe(p) : "cannot be read"), e);
    }
  }

  @Override
  public String toString() {
    return json.toString();
  }
}
