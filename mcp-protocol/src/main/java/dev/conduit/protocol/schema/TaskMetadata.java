package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code task} member of a request's params, asking for the request to run as a task (2025-11-25).
 *
 * @param ttl how long, in milliseconds from creation, the requester would like the task kept
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record TaskMetadata(@Nullable Long ttl, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public TaskMetadata {
    additionalFields = Checks.additional(additionalFields);
  }

  /** Asks for a task kept {@code ttl} milliseconds, or as long as the receiver likes when null. */
  public static TaskMetadata of(@Nullable Long ttl) {
    return new TaskMetadata(ttl, Map.of());
  }
}
