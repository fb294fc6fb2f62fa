package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code tasks/list} (2025-11-25; gone in 2026-07-28): one page of the receiver's tasks.
 *
 * @param tasks the tasks on this page
 * @param nextCursor where the next page starts; absent on the last page
 * @param resultType absent on a legacy result
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ListTasksResult(
    List<Task> tasks,
    @Nullable String nextCursor,
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ListTasksResult {
    tasks = Checks.requiredList(tasks, "tasks");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A page holding {@code tasks}, followed by the page at {@code nextCursor} if that is not null. */
  public static ListTasksResult of(List<Task> tasks, @Nullable String nextCursor) {
    return new ListTasksResult(tasks, nextCursor, null, null, Map.of());
  }
}
