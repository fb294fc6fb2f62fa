package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code subscriptions/listen} (2026-07-28), sent when the server closes the stream gracefully.
 *
 * @param resultType {@code "complete"}
 * @param meta the {@code _meta} object, carrying the subscription id (required by the specification)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record SubscriptionsListenResult(
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public SubscriptionsListenResult {
    additionalFields = Checks.additional(additionalFields);
  }

  /** Closes the stream opened by the {@code subscriptions/listen} request {@code subscriptionId}. */
  public static SubscriptionsListenResult closing(RequestId subscriptionId) {
    return new SubscriptionsListenResult(
        "complete", Meta.empty().with(Meta.SUBSCRIPTION_ID, subscriptionId), Map.of());
  }
}
