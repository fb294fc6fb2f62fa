package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a request that takes none but {@code _meta}: {@code ping}, {@code roots/list}, {@code
 * server/discover} (2026-07-28).
 *
 * @param meta the {@code _meta} object; on a modern (2026-07-28) request it is required and carries the protocol
 *     version and the client's capabilities
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record RequestParams(
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public RequestParams {
    additionalFields = Checks.additional(additionalFields);
  }

  /** Parameters holding nothing but {@code meta}. */
  public static RequestParams of(@Nullable Meta meta) {
    return new RequestParams(meta, Map.of());
  }

  /** A copy with another {@code _meta}. */
  public RequestParams withMeta(@Nullable Meta meta) {
    return new RequestParams(meta, additionalFields);
  }
}
