package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code notifications/resources/updated}: a subscribed resource changed.
 *
 * @param uri the resource that changed; may be a sub-resource of the one subscribed to
 * @param meta the {@code _meta} object (on a {@code subscriptions/listen} stream it carries the subscription id)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ResourceUpdatedNotificationParams(
    String uri,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ResourceUpdatedNotificationParams {
    Checks.required(uri, "uri");
    additionalFields = Checks.additional(additionalFields);
  }

  /** {@code uri} changed. */
  public static ResourceUpdatedNotificationParams of(String uri) {
    return new ResourceUpdatedNotificationParams(uri, null, Map.of());
  }

  /** A copy with another {@code _meta}. */
  public ResourceUpdatedNotificationParams withMeta(@Nullable Meta meta) {
    return new ResourceUpdatedNotificationParams(uri, meta, additionalFields);
  }
}
