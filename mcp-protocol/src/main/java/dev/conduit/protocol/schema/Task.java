package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request running as a task (2025-11-25; an extension in 2026-07-28).
 *
 * <p>The specification types {@code ttl} as {@code number | null} and requires it, with {@code null} meaning
 * unlimited. So {@code ttl} is always written, as {@code null} when unlimited, although every other absent field
 * is left out; a task that arrives without {@code ttl} reads as unlimited and is re-encoded with {@code "ttl":
 * null}.
 *
 * @param taskId the task's id
 * @param status the task's state
 * @param statusMessage a readable account of the state, such as why it failed
 * @param createdAt when the task was created, as an ISO 8601 timestamp
 * @param lastUpdatedAt when the task last changed, as an ISO 8601 timestamp
 * @param ttl how long, in milliseconds from creation, the receiver keeps the task; null for unlimited
 * @param pollInterval how often, in milliseconds, the requester should poll
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record Task(
    String taskId,
    TaskStatus status,
    @Nullable String statusMessage,
    String createdAt,
    String lastUpdatedAt,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Long ttl,
    @Nullable Long pollInterval,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public Task {
    Checks.required(taskId, "taskId");
    Checks.required(status, "status");
    Checks.required(createdAt, "createdAt");
    Checks.required(lastUpdatedAt, "lastUpdatedAt");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A task just created at {@code createdAt}, working, kept for {@code ttl} milliseconds (null: unlimited). */
  public static Task working(String taskId, String createdAt, @Nullable Long ttl) {
    return new Task(taskId, TaskStatus.WORKING, null, createdAt, createdAt, ttl, null, Map.of());
  }

  /** A copy in another state, changed at {@code lastUpdatedAt}. */
  public Task withStatus(TaskStatus status, @Nullable String statusMessage, String lastUpdatedAt) {
    return new Task(taskId, status, statusMessage, createdAt, lastUpdatedAt, ttl, pollInterval, additionalFields);
  }

  /** A copy suggesting a polling interval. */
  public Task withPollInterval(@Nullable Long pollInterval) {
    return new Task(taskId, status, statusMessage, createdAt, lastUpdatedAt, ttl, pollInterval, additionalFields);
  }
}
