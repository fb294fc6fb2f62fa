package dev.conduit.awx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Masks secrets in JSON on its way to a caller or a log: values under secret-looking keys, and every value of a
 * credential's {@code inputs} except the ones known to be harmless. AWX's own mask {@code $encrypted$} stays as it is.
 */
public final class Secrets {

  /** What a masked value becomes. */
  public static final String MASK = "****";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern SECRET_KEY = Pattern.compile(
      "(?i).*(password|passwd|passphrase|secret|token|api_?key|private_key|ssh_key_data|ssh_key_unlock"
          + "|authorization|vault_id_password|client_key|cert_key|become_pass).*");

  /** Keys that look secret but hold names or flags, not values. */
  private static final Pattern HARMLESS_KEY = Pattern.compile(
      "(?i)(.*_needed_to_start|ask_.*|.*_enabled|.*_count|has_.*|.*_type|type|token_description)");

  private static final Pattern HARMLESS_INPUT = Pattern.compile(
      "(?i)(username|host|url|project|domain|tenant|subscription|client|become_method|become_username|"
          + "authorize|verify_ssl|validate_certs|region|organization|cloud_environment|kind|account)");

  /** {@code password=x}, {@code "token": "x"} and the like in free text (job output, messages). */
  private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
      "(?i)\\b([a-z_]*(?:password|passwd|secret|token|api_key|private_key)[a-z_]*)(\"?'?\\s*[:=]\\s*\"?'?)"
          + "([^\\s\"',}]+)");

  private Secrets() {}

  /** {@code text} with the values of secret-looking assignments masked. */
  public static String maskText(String text) {
    return SECRET_ASSIGNMENT.matcher(text).replaceAll("$1$2" + MASK);
  }

  /** A masked deep copy of {@code node}. */
  public static JsonNode redact(JsonNode node) {
    JsonNode copy = node.deepCopy();
    mask(copy, false);
    return copy;
  }

  /** The JSON text {@code body} with its secrets masked; a body that is not JSON comes back unchanged. */
  public static @Nullable String redactText(@Nullable String body) {
    if (body == null || body.isBlank()) {
      return body;
    }
    try {
      return JSON.writeValueAsString(redact(JSON.readTree(body)));
    } catch (IOException e) {
      return body;
    }
  }

  /** Whether the value under {@code key} must not be shown. */
  public static boolean isSecretKey(String key) {
    return SECRET_KEY.matcher(key).matches() && !HARMLESS_KEY.matcher(key).matches();
  }

  private static void mask(JsonNode node, boolean credentialInputs) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        String key = field.getKey();
        JsonNode value = field.getValue();
        boolean secret = credentialInputs ? !HARMLESS_INPUT.matcher(key).matches() : isSecretKey(key);
        if (!secret) {
          mask(value, key.equals("inputs") || key.equals("extra_inputs"));
        } else if (value.isContainerNode()) {
          maskAll(value);
        } else if (!value.isNull() && !"$encrypted$".equals(value.asText())) {
          field.setValue(TextNode.valueOf(MASK));
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(item -> mask(item, credentialInputs));
    }
  }

  private static void maskAll(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.properties().forEach(field -> {
        if (field.getValue().isValueNode()) {
          field.setValue(TextNode.valueOf(MASK));
        } else {
          maskAll(field.getValue());
        }
      });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isValueNode()) {
          array.set(i, TextNode.valueOf(MASK));
        } else {
          maskAll(array.get(i));
        }
      }
    }
  }
}
