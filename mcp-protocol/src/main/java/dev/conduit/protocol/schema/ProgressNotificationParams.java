package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code notifications/progress}.
 *
 * @param progressToken the token of the request whose progress this is
 * @param progress how far along the work is; it must grow with every notification
 * @param total the value {@code progress} will reach, if known
 * @param message what is happening now (2025-03-26)
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ProgressNotificationParams(
    ProgressToken progressToken,
    @JsonSerialize(using = CompactDoubleSerializer.class) Double progress,
    @JsonSerialize(using = CompactDoubleSerializer.class) @Nullable Double total,
    @Nullable String message,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ProgressNotificationParams {
    Checks.required(progressToken, "progressToken");
    Checks.required(progress, "progress");
    additionalFields = Checks.additional(additionalFields);
  }

  /** Progress {@code progress} of {@code total} (if known) for the request that sent {@code progressToken}. */
  public static ProgressNotificationParams of(
      ProgressToken progressToken, double progress, @Nullable Double total, @Nullable String message) {
    return new ProgressNotificationParams(progressToken, progress, total, message, null, Map.of());
  }
}
