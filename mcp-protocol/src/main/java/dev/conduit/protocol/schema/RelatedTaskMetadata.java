package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The value of {@code _meta["io.modelcontextprotocol/related-task"]} (2025-11-25): ties a message to a task.
 *
 * @param taskId the task's id
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record RelatedTaskMetadata(
    String taskId, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public RelatedTaskMetadata {
    Checks.required(taskId, "taskId");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A tie to task {@code taskId}. */
  public static RelatedTaskMetadata of(String taskId) {
    return new RelatedTaskMetadata(taskId, Map.of());
  }
}
