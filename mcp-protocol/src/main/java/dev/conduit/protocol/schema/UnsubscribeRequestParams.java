package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code resources/unsubscribe} (removed in 2026-07-28).
 *
 * @param uri the resource
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record UnsubscribeRequestParams(
    String uri,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public UnsubscribeRequestParams {
    Checks.required(uri, "uri");
    additionalFields = Checks.additional(additionalFields);
  }

  /** Unsubscribes from updates of {@code uri}. */
  public static UnsubscribeRequestParams of(String uri) {
    return new UnsubscribeRequestParams(uri, null, Map.of());
  }

  /** A copy with another {@code _meta}. */
  public UnsubscribeRequestParams withMeta(@Nullable Meta meta) {
    return new UnsubscribeRequestParams(uri, meta, additionalFields);
  }
}
