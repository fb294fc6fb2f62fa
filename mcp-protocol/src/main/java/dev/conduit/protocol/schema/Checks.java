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

  /** A required list, copied and made unmodifiable. */
  static <T> List<T> requiredList(@Nullable List<T> value, String field) {
    return List.copyOf(required(value, field));
  }

  /** An optional list, copied and made unmodifiable. */
  static <T> @Nullable List<T> optionalList(@Nullable List<T> value) {
    return value == null ? null : List.copyOf(value);
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
