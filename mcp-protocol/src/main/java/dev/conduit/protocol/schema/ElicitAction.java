package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What the user did with an elicitation (2025-06-18). */
public enum ElicitAction {
  /** The user submitted the form or confirmed the action. */
  ACCEPT,
  /** The user explicitly declined. */
  DECLINE,
  /** The user dismissed the request without choosing. */
  CANCEL;

  /** The action's name on the wire, such as {@code "accept"}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action named {@code id} on the wire, if there is one. */
  public static Optional<ElicitAction> parse(String id) {
    for (ElicitAction action : values()) {
      if (action.id().equals(id)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }

  @JsonCreator
  static ElicitAction fromJson(String id) {
    return parse(id).orElseThrow(() -> new IllegalArgumentException("unknown elicitation action '" + id + "'"));
  }
}
