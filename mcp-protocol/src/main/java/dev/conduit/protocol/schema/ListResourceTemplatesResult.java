package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code resources/templates/list}: one page of the server's resource templates.
 *
 * @param resourceTemplates the resource templates on this page
 * @param nextCursor where the next page starts; absent on the last page
 * @param ttlMs how long, in milliseconds, the client may cache this result (2026-07-28, required there)
 * @param cacheScope who may reuse the cached result (2026-07-28, required there)
 * @param resultType {@code "complete"} on a modern (2026-07-28) result; absent on a legacy one
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ListResourceTemplatesResult(
    List<ResourceTemplate> resourceTemplates,
    @Nullable String nextCursor,
    @Nullable Long ttlMs,
    @Nullable CacheScope cacheScope,
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ListResourceTemplatesResult {
    resourceTemplates = Checks.requiredList(resourceTemplates, "resourceTemplates");
    additionalFields = Checks.additional(additionalFields);
  }

  /** The last (or only) page, holding {@code resourceTemplates}. */
  public static ListResourceTemplatesResult of(List<ResourceTemplate> resourceTemplates) {
    return of(resourceTemplates, null);
  }

  /** A page holding {@code resourceTemplates}, followed by the page at {@code nextCursor} if that is not null. */
  public static ListResourceTemplatesResult of(
      List<ResourceTemplate> resourceTemplates, @Nullable String nextCursor) {
    return new ListResourceTemplatesResult(resourceTemplates, nextCursor, null, null, null, null, Map.of());
  }

  /** A copy that the client may cache for {@code ttlMs} milliseconds within {@code scope}. */
  public ListResourceTemplatesResult withCaching(long ttlMs, CacheScope scope) {
    return new ListResourceTemplatesResult(
        resourceTemplates, nextCursor, ttlMs, scope, resultType, meta, additionalFields);
  }
}
