package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The state of a task (2025-11-25). {@link #COMPLETED}, {@link #FAILED} and {@link #CANCELLED} are final. */
public enum TaskStatus {
  /** The request is being processed. */
  WORKING,
  /** The receiver needs input from the requester; the requester should call {@code tasks/result}. */
  INPUT_REQUIRED,
  /** The request finished; its result is ready. */
  COMPLETED,
  /** The request failed. */
  FAILED,
  /** The request was cancelled. */
  CANCELLED;

  /** The status's name on the wire, such as {@code "input_required"}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status named {@code id} on the wire, if there is one. */
  public static Optional<TaskStatus> parse(String id) {
    for (TaskStatus status : values()) {
      if (status.id().equals(id)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  @JsonCreator
  static TaskStatus fromJson(String id) {
    return parse(id).orElseThrow(() -> new IllegalArgumentException("unknown task status '" + id + "'"));
  }

  /** Whether the task can no longer change. */
  public boolean terminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
