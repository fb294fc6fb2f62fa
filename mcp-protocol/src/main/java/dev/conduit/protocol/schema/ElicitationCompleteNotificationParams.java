package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code notifications/elicitation/complete} (2025-11-25 only): the user finished a URL-mode
 * elicitation.
 *
 * @param elicitationId the {@link ElicitRequestURLParams#elicitationId()} of the elicitation
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ElicitationCompleteNotificationParams(
    String elicitationId,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ElicitationCompleteNotificationParams {
    Checks.required(elicitationId, "elicitationId");
    additionalFields = Checks.additional(additionalFields);
  }

  /** Elicitation {@code elicitationId} is complete. */
  public static ElicitationCompleteNotificationParams of(String elicitationId) {
    return new ElicitationCompleteNotificationParams(elicitationId, null, Map.of());
  }
}
