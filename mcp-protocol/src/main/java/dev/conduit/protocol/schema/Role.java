package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The sender or recipient of a message in a conversation: {@code "user"} or {@code "assistant"}. */
public enum Role {
  USER,
  ASSISTANT;

  /** The role's name on the wire, such as {@code "user"}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code id} on the wire, if there is one. */
  public static Optional<Role> parse(String id) {
    for (Role role : values()) {
      if (role.id().equals(id)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  @JsonCreator
  static Role fromJson(String id) {
    return parse(id).orElseThrow(() -> new IllegalArgumentException("unknown role '" + id + "'"));
  }
}
