package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The severity of a log message, in RFC 5424 order: {@link #DEBUG} is the lowest, {@link #EMERGENCY} the highest. */
public enum LoggingLevel {
  DEBUG,
  INFO,
  NOTICE,
  WARNING,
  ERROR,
  CRITICAL,
  ALERT,
  EMERGENCY;

  /** The level's name on the wire, such as {@code "warning"}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The level named {@code id} on the wire, if there is one. */
  public static Optional<LoggingLevel> parse(String id) {
    for (LoggingLevel level : values()) {
      if (level.id().equals(id)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  @JsonCreator
  static LoggingLevel fromJson(String id) {
    return parse(id).orElseThrow(() -> new IllegalArgumentException("unknown logging level '" + id + "'"));
  }

  /** Whether a message at this level passes a filter set at {@code threshold}. */
  public boolean isAtLeast(LoggingLevel threshold) {
    return compareTo(threshold) >= 0;
  }
}
