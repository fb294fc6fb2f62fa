package dev.conduit.awx.env.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.awx.AwxAuth;
import dev.conduit.awx.env.AwxEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Turns the JSON configuration and the {@code AWX_*} variables into environments. */
public final class ConfigReader {

  private static final Set<String> ENV_FIELDS = Set.of("name", "base_url", "api_prefix", "token", "token_env",
      "username", "password", "password_env", "verify_ssl", "ca_bundle", "default_organization",
      "allowed_job_templates", "allowed_inventories");

  private ConfigReader() {}

  /** One environment of the file's {@code environments} array; secrets may come from variables named there. */
  public static AwxEnvironment environment(JsonNode node, Map<String, String> variables) {
    node.fieldNames().forEachRemaining(field -> {
      if (!ENV_FIELDS.contains(field)) {
        throw new IllegalArgumentException("Unknown field '" + field + "' in an AWX environment");
      }
    });
    String name = required(node, "name");
    String token = secret(node, "token", variables);
    String username = text(node, "username");
    String password = secret(node, "password", variables);
    String ca = text(node, "ca_bundle");
    return new AwxEnvironment(name, required(node, "base_url"), text(node, "api_prefix"),
        auth(name, token, username, password), !node.has("verify_ssl") || node.get("verify_ssl").asBoolean(true),
        ca == null ? null : Path.of(ca), text(node, "default_organization"),
        strings(node.get("allowed_job_templates")), strings(node.get("allowed_inventories")));
  }

  /** The environment the {@code AWX_*} variables describe, or {@code null} without {@code AWX_BASE_URL}. */
  public static @Nullable AwxEnvironment fromVariables(Map<String, String> variables) {
    String baseUrl = blankToNull(variables.get("AWX_BASE_URL"));
    if (baseUrl == null) {
      return null;
    }
    String name = variables.getOrDefault("AWX_ENVIRONMENT", "default");
    String verify = blankToNull(variables.get("AWX_VERIFY_SSL"));
    if (verify != null && !verify.equalsIgnoreCase("true") && !verify.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException("AWX_VERIFY_SSL must be true or false");
    }
    String ca = blankToNull(variables.get("AWX_CA_BUNDLE"));
    return new AwxEnvironment(name, baseUrl, blankToNull(variables.get("AWX_API_PREFIX")),
        auth(name, blankToNull(variables.get("AWX_TOKEN")), blankToNull(variables.get("AWX_USERNAME")),
            variables.get("AWX_PASSWORD")),
        verify == null || Boolean.parseBoolean(verify), ca == null ? null : Path.of(ca),
        blankToNull(variables.get("AWX_DEFAULT_ORGANIZATION")),
        commaList(variables.get("AWX_ALLOWED_JOB_TEMPLATES")), commaList(variables.get("AWX_ALLOWED_INVENTORIES")));
  }

  /** A JSON array of ids or names, as strings. */
  public static List<String> strings(@Nullable JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(item -> values.add(item.asText()));
    } else if (node != null && !node.isNull()) {
      throw new IllegalArgumentException("Expected a JSON array, got " + node.getNodeType());
    }
    return values;
  }

  private static AwxAuth auth(String env, @Nullable String token, @Nullable String username,
      @Nullable String password) {
    if (token != null) {
      return AwxAuth.bearer(token);
    }
    if (username != null) {
      if (password == null) {
        throw new IllegalArgumentException("Environment '" + env + "' has a username but no password");
      }
      return AwxAuth.basic(username, password);
    }
    return AwxAuth.none();
  }

  private static @Nullable String secret(JsonNode node, String field, Map<String, String> variables) {
    String inline = text(node, field);
    if (inline != null) {
      return inline;
    }
    String variable = text(node, field + "_env");
    if (variable == null) {
      return null;
    }
    String value = blankToNull(variables.get(variable));
    if (value == null) {
      throw new IllegalArgumentException("The variable " + variable + " named by " + field + "_env is not set");
    }
    return value;
  }

  private static List<String> commaList(@Nullable String text) {
    List<String> values = new ArrayList<>();
    if (text != null) {
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
    }
    return values;
  }

  private static String required(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null) {
      throw new IllegalArgumentException("An AWX environment needs '" + field + "'");
    }
    return value;
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : blankToNull(value.asText());
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
