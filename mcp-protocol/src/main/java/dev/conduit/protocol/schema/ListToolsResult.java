package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code tools/list}: one page of the server's tools.
 *
 * @param tools the tools on this page
 * @param nextCursor where the next page starts; absent on the last page
 * @param ttlMs how long, in milliseconds, the client may cache this result (2026-07-28, required there)
 * @param cacheScope who may reuse the cached result (2026-07-28, required there)
 * @param resultType {@code "complete"} on a modern (2026-07-28) result; absent on a legacy one
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ListToolsResult(
    List<Tool> tools,
    @Nullable String nextCursor,
    @Nullable Long ttlMs,
    @Nullable CacheScope cacheScope,
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ListToolsResult {
    tools = Checks.requiredList(tools, "tools");
    additionalFields = Checks.additional(additionalFields);
  }

  /** The last (or only) page, holding {@code tools}. */
  public static ListToolsResult of(List<Tool> tools) {
    return of(tools, null);
  }

  /** A page holding {@code tools}, followed by the page at {@code nextCursor} if that is not null. */
  public static ListToolsResult of(List<Tool> tools, @Nullable String nextCursor) {
    return new ListToolsResult(tools, nextCursor, null, null, null, null, Map.of());
  }

  /** A copy that the client may cache for {@code ttlMs} milliseconds within {@code scope}. */
  public ListToolsResult withCaching(long ttlMs, CacheScope scope) {
    return new ListToolsResult(tools, nextCursor, ttlMs, scope, resultType, meta, additionalFields);
  }
}
