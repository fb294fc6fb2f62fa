package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code notifications/subscriptions/acknowledged} (2026-07-28), the first message on a {@code
 * subscriptions/listen} stream.
 *
 * @param notifications the subset of the requested notifications the server will send
 * @param meta the {@code _meta} object, carrying the subscription id
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record SubscriptionsAcknowledgedNotificationParams(
    SubscriptionFilter notifications,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public SubscriptionsAcknowledgedNotificationParams {
    Checks.required(notifications, "notifications");
    additionalFields = Checks.additional(additionalFields);
  }

  /** Acknowledges {@code notifications} on the stream {@code meta} names. */
  public static SubscriptionsAcknowledgedNotificationParams of(SubscriptionFilter notifications, @Nullable Meta meta) {
    return new SubscriptionsAcknowledgedNotificationParams(notifications, meta, Map.of());
  }
}
