package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code server/discover} (2026-07-28): what a modern server speaks and can do. The server's {@link
 * Implementation} travels in {@code _meta} ({@link Meta#serverInfo()}).
 *
 * <p>{@code ttlMs} and {@code cacheScope} are required by the specification, but stay nullable here so that a
 * result from a server that leaves them out can still be read.
 *
 * @param supportedVersions every revision the server speaks
 * @param capabilities what the server can do
 * @param instructions how to use the server, which a client may add to the model's system prompt
 * @param ttlMs how long, in milliseconds, the client may cache this result
 * @param cacheScope who may reuse the cached result
 * @param resultType {@code "complete"}
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record DiscoverResult(
    List<String> supportedVersions,
    ServerCapabilities capabilities,
    @Nullable String instructions,
    @Nullable Long ttlMs,
    @Nullable CacheScope cacheScope,
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public DiscoverResult {
    supportedVersions = Checks.requiredList(supportedVersions, "supportedVersions");
    Checks.required(capabilities, "capabilities");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A complete result that the client may cache for {@code ttlMs} milliseconds within {@code scope}. */
  public static DiscoverResult of(
      List<String> supportedVersions, ServerCapabilities capabilities, long ttlMs, CacheScope scope) {
    return new DiscoverResult(supportedVersions, capabilities, null, ttlMs, scope, "complete", null, Map.of());
  }

  /** A copy with instructions. */
  public DiscoverResult withInstructions(@Nullable String instructions) {
    return new DiscoverResult(
        supportedVersions, capabilities, instructions, ttlMs, cacheScope, resultType, meta, additionalFields);
  }

  /** A copy with another {@code _meta}. */
  public DiscoverResult withMeta(@Nullable Meta meta) {
    return new DiscoverResult(
        supportedVersions, capabilities, instructions, ttlMs, cacheScope, resultType, meta, additionalFields);
  }
}
