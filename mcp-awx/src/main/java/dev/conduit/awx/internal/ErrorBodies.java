package dev.conduit.awx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads AWX's explanation out of an error body. */
public final class ErrorBodies {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TEXT = 300;

  private ErrorBodies() {}

  /**
   * AWX's message: {@code detail}, then {@code error}, then {@code msg}, then {@code __all__}, then every field's
   * error list ({@code "inventory: msg; credentials: msg"}); for a body that is not JSON, its start; else the
   * status line's reason.
   */
  public static String message(@Nullable String body, String reason) {
    return Secrets.maskText(rawMessage(body, reason));
  }

  private static String rawMessage(@Nullable String body, String reason) {
    JsonNode json = parse(body);
    if (json != null && json.isObject()) {
      for (String key : List.of("detail", "error", "msg", "__all__")) {
        String text = text(json.get(key));
        if (text != null) {
          return text;
        }
      }
      List<String> fields = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String text = text(field.getValue());
        if (text != null) {
          fields.add(field.getKey() + ": " + text);
        }
      }
      if (!fields.isEmpty()) {
        return String.join("; ", fields);
      }
    }
    if (json != null && json.isArray()) {
      String text = text(json);
      if (text != null) {
        return text;
      }
    }
    if (body != null && !body.isBlank() && json == null && !body.stripLeading().startsWith("<")) {
      String flat = body.strip().replaceAll("\\s+", " ");
      return flat.length() > MAX_TEXT ? flat.substring(0, MAX_TEXT) + "…" : flat;
    }
    return reason.isBlank() ? "no explanation given" : reason;
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue().isBlank() ? null : node.textValue();
    }
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      node.forEach(item -> {
        String text = text(item);
        if (text != null) {
          parts.add(text);
        }
      });
      return parts.isEmpty() ? null : String.join(" ", parts);
    }
    if (node.isObject()) {
      List<String> parts = new ArrayList<>();
      node.fields().forEachRemaining(field -> {
        String text = text(field.getValue());
        if (text != null) {
          parts.add(field.getKey() + ": " + text);
        }
      });
      return parts.isEmpty() ? null : String.join("; ", parts);
    }
    return node.asText();
  }

  private static @Nullable JsonNode parse(@Nullable String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
