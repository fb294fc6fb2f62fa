package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code notifications/tasks/status} (2025-11-25): a task changed state. They are the fields of a
 * {@link Task}, flattened.
 *
 * <p>{@code ttl} is always written, {@code null} when unlimited, as {@link Task} explains.
 *
 * @param taskId the task's id
 * @param status the task's state
 * @param statusMessage a readable account of the state, such as why it failed
 * @param createdAt when the task was created, as an ISO 8601 timestamp
 * @param lastUpdatedAt when the task last changed, as an ISO 8601 timestamp
 * @param ttl how long, in milliseconds from creation, the receiver keeps the task; null for unlimited
 * @param pollInterval how often, in milliseconds, the requester should poll
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record TaskStatusNotificationParams(
    String taskId,
    TaskStatus status,
    @Nullable String statusMessage,
    String createdAt,
    String lastUpdatedAt,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Long ttl,
    @Nullable Long pollInterval,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public TaskStatusNotificationParams {
    Checks.required(taskId, "taskId");
    Checks.required(status, "status");
    Checks.required(createdAt, "createdAt");
    Checks.required(lastUpdatedAt, "lastUpdatedAt");
    additionalFields = Checks.additional(additionalFields);
  }

  /** The fields of {@code task}. */
  public static TaskStatusNotificationParams of(Task task) {
    return new TaskStatusNotificationParams(
        task.taskId(), task.status(), task.statusMessage(), task.createdAt(), task.lastUpdatedAt(), task.ttl(),
        task.pollInterval(), null, task.additionalFields());
  }

  /** The task these fields describe. */
  public Task task() {
    return new Task(taskId, status, statusMessage, createdAt, lastUpdatedAt, ttl, pollInterval, Map.of());
  }
}
