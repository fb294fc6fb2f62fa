package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The immediate result of a request run as a task (2025-11-25): the task, whose outcome {@code tasks/result} gives
 * later.
 *
 * @param task the task created
 * @param resultType {@code "task"} on a modern result from the tasks extension; absent on a legacy one
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record CreateTaskResult(
    Task task,
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public CreateTaskResult {
    Checks.required(task, "task");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A result announcing {@code task}. */
  public static CreateTaskResult of(Task task) {
    return new CreateTaskResult(task, null, null, Map.of());
  }
}
