package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code completion/complete}.
 *
 * @param completion the suggested values
 * @param resultType {@code "complete"} on a modern (2026-07-28) result; absent on a legacy one
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record CompleteResult(
    Completion completion,
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  /** The most values a result may hold. */
  public static final int MAX_VALUES = 100;

  public CompleteResult {
    Checks.required(completion, "completion");
    additionalFields = Checks.additional(additionalFields);
  }

  /**
   * A result suggesting {@code values}. Past {@value #MAX_VALUES} values, only the first {@value #MAX_VALUES} are
   * sent, with the full count in {@code total} and {@code hasMore} set.
   */
  public static CompleteResult of(List<String> values) {
    Completion completion =
        values.size() <= MAX_VALUES
            ? new Completion(values, null, null, Map.of())
            : new Completion(values.subList(0, MAX_VALUES), values.size(), true, Map.of());
    return new CompleteResult(completion, null, null, Map.of());
  }

  /**
   * The suggested values.
   *
   * @param values at most 100 values, best first
   * @param total how many values there are in all, if known
   * @param hasMore whether there are more values than these
   * @param additionalFields fields this library does not know, kept as they arrived
   */
  public record Completion(
      List<String> values,
      @Nullable Integer total,
      @Nullable Boolean hasMore,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {
    public Completion {
      values = Checks.requiredList(values, "values");
      additionalFields = Checks.additional(additionalFields);
    }
  }
}
