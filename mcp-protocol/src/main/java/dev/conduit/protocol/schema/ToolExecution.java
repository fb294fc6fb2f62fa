package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a tool may be executed (2025-11-25; tasks moved to an extension in 2026-07-28).
 *
 * <p>{@code taskSupport} stays a string rather than an enum: the value set belongs to the tasks feature, which is
 * still moving, and a value this library does not know must not make a whole {@code tools/list} unreadable.
 *
 * @param taskSupport {@code "forbidden"} (the default), {@code "optional"} or {@code "required"}: whether a call may
 *     or must run as a task
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ToolExecution(
    @Nullable String taskSupport, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  /** The tool cannot run as a task. */
  public static final String FORBIDDEN = "forbidden";

  /** The tool may run as a task or not, as the caller asks. */
  public static final String OPTIONAL = "optional";

  /** The tool must run as a task. */
  public static final String REQUIRED = "required";

  public ToolExecution {
    additionalFields = Checks.additional(additionalFields);
  }

  /** Execution with the given task support. */
  public static ToolExecution taskSupport(String taskSupport) {
    return new ToolExecution(taskSupport, Map.of());
  }
}
