package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code resources/read}.
 *
 * @param contents the resource's contents; a directory-like resource may return several
 * @param ttlMs how long, in milliseconds, the client may cache this result (2026-07-28, required there)
 * @param cacheScope who may reuse the cached result (2026-07-28, required there)
 * @param resultType {@code "complete"} on a modern (2026-07-28) result; absent on a legacy one
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ReadResourceResult(
    List<ResourceContents> contents,
    @Nullable Long ttlMs,
    @Nullable CacheScope cacheScope,
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ReadResourceResult {
    contents = Checks.requiredList(contents, "contents");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A result holding {@code contents}. */
  public static ReadResourceResult of(ResourceContents... contents) {
    return new ReadResourceResult(List.of(contents), null, null, null, null, Map.of());
  }

  /** A copy that the client may cache for {@code ttlMs} milliseconds within {@code scope}. */
  public ReadResourceResult withCaching(long ttlMs, CacheScope scope) {
    return new ReadResourceResult(contents, ttlMs, scope, resultType, meta, additionalFields);
  }
}
