package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may reuse a cacheable result (2026-07-28): anyone ({@link #PUBLIC}), or only the client that asked
 * ({@link #PRIVATE}), for instance because the result depends on its credentials.
 */
public enum CacheScope {
  PUBLIC,
  PRIVATE;

  /** The scope's name on the wire, such as {@code "public"}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The scope named {@code id} on the wire, if there is one. */
  public static Optional<CacheScope> parse(String id) {
    for (CacheScope scope : values()) {
      if (scope.id().equals(id)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }

  @JsonCreator
  static CacheScope fromJson(String id) {
    return parse(id).orElseThrow(() -> new IllegalArgumentException("unknown cache scope '" + id + "'"));
  }
}
