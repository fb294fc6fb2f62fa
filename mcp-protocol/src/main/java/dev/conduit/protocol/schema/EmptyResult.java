package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A result that says only that the request succeeded: the answer to {@code ping}, {@code logging/setLevel}, {@code
 * resources/subscribe} and the like.
 *
 * @param resultType {@code "complete"} on a modern (2026-07-28) result; absent on a legacy one
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record EmptyResult(
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  private static final EmptyResult INSTANCE = new EmptyResult(null, null, Map.of());

  public EmptyResult {
    additionalFields = Checks.additional(additionalFields);
  }

  /** The empty result, {@code {}}. */
  public static EmptyResult instance() {
    return INSTANCE;
  }
}
