package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code subscriptions/listen} (2026-07-28): open a stream of notifications.
 *
 * @param notifications the notifications wanted
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record SubscriptionsListenRequestParams(
    SubscriptionFilter notifications,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public SubscriptionsListenRequestParams {
    Checks.required(notifications, "notifications");
    additionalFields = Checks.additional(additionalFields);
  }

  /** Asks for the {@code notifications} given. */
  public static SubscriptionsListenRequestParams of(SubscriptionFilter notifications) {
    return new SubscriptionsListenRequestParams(notifications, null, Map.of());
  }

  /** A copy with another {@code _meta}. */
  public SubscriptionsListenRequestParams withMeta(@Nullable Meta meta) {
    return new SubscriptionsListenRequestParams(notifications, meta, additionalFields);
  }
}
