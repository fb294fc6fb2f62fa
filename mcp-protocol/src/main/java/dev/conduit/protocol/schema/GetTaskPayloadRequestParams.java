package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code tasks/result} (2025-11-25, where the specification inlines them without a name).
 *
 * @param taskId the task
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record GetTaskPayloadRequestParams(
    String taskId,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public GetTaskPayloadRequestParams {
    Checks.required(taskId, "taskId");
    additionalFields = Checks.additional(additionalFields);
  }

  /** Asks for the outcome of task {@code taskId}. */
  public static GetTaskPayloadRequestParams of(String taskId) {
    return new GetTaskPayloadRequestParams(taskId, null, Map.of());
  }

  /** A copy with another {@code _meta}. */
  public GetTaskPayloadRequestParams withMeta(@Nullable Meta meta) {
    return new GetTaskPayloadRequestParams(taskId, meta, additionalFields);
  }
}
