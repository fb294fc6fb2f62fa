package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code logging/setLevel} (removed in 2026-07-28, where each request's {@code _meta} names its
 * own level).
 *
 * @param level the lowest level the client wants to receive
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record SetLevelRequestParams(
    LoggingLevel level,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public SetLevelRequestParams {
    Checks.required(level, "level");
    additionalFields = Checks.additional(additionalFields);
  }

  /** Asks for messages at {@code level} and above. */
  public static SetLevelRequestParams of(LoggingLevel level) {
    return new SetLevelRequestParams(level, null, Map.of());
  }

  /** A copy with another {@code _meta}. */
  public SetLevelRequestParams withMeta(@Nullable Meta meta) {
    return new SetLevelRequestParams(level, meta, additionalFields);
  }
}
