package dev.conduit.protocol.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the records; their messages are safe to send to a peer. */
final class Checks {

  private Checks() {}

  /** Rejects a missing required field with a message that names it. */
  static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("missing required field '" + field + "'");
    }
    return value;
  }

  /** Rejects a missing field, or one whose value is not among {@code allowed}. */
  static String constant(@Nullable String value, String field, String... allowed) {
    required(value, field);
    for (String each : allowed) {
      if (each.equals(value)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "field '" + field + "' must be " + String.join(" or ", quoted(allowed)) + ", not '" + value + "'");
  }

  private static String[] quoted(String[] values) {
    String[] quoted = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      quoted[i] = "'" + values[i] + "'";
    }
    return quoted;
  }

  /** A required list, copied and made unmodifiable. */
  static <T> List<T> requiredList(@Nullable List<T> value, String field) {
    return List.copyOf(required(value, field));
  }

  /** An optional list, copied and made unmodifiable. */
  static <T> @Nullable List<T> optionalList(@Nullable List<T> value) {
    return value == null ? null : List.copyOf(value);
  }

  /** A required map, copied and made unmodifiable, in its original order. */
  static <V> Map<String, V> requiredMap(@Nullable Map<String, V> value, String field) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(required(value, field)));
  }

  /** An optional map, copied and made unmodifiable, in its original order. */
  static <V> @Nullable Map<String, V> optionalMap(@Nullable Map<String, V> value) {
    return value == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(value));
  }

  /** The fields a record did not recognise, in their original order; never null. */
  static Map<String, JsonNode> additional(@Nullable Map<String, JsonNode> fields) {
    if (fields == null || fields.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
