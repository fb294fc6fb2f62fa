package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a notification that carries nothing but {@code _meta}: {@code notifications/initialized} and
 * the {@code list_changed} notifications.
 *
 * @param meta the {@code _meta} object (on a {@code subscriptions/listen} stream it carries the subscription id)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record NotificationParams(
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  private static final NotificationParams EMPTY = new NotificationParams(null, Map.of());

  public NotificationParams {
    additionalFields = Checks.additional(additionalFields);
  }

  /** Parameters holding nothing. */
  public static NotificationParams empty() {
    return EMPTY;
  }

  /** Parameters holding nothing but {@code meta}. */
  public static NotificationParams of(@Nullable Meta meta) {
    return new NotificationParams(meta, Map.of());
  }
}
