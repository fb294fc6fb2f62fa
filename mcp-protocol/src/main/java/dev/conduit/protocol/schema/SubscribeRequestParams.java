package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code resources/subscribe} (removed in 2026-07-28, where {@code subscriptions/listen} replaces
 * it).
 *
 * @param uri the resource
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record SubscribeRequestParams(
    String uri,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public SubscribeRequestParams {
    Checks.required(uri, "uri");
    additionalFields = Checks.additional(additionalFields);
  }

  /** Subscribes to updates of {@code uri}. */
  public static SubscribeRequestParams of(String uri) {
    return new SubscribeRequestParams(uri, null, Map.of());
  }

  /** A copy with another {@code _meta}. */
  public SubscribeRequestParams withMeta(@Nullable Meta meta) {
    return new SubscribeRequestParams(uri, meta, additionalFields);
  }
}
