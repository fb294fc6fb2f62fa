package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code notifications/message}: a log message from the server.
 *
 * @param level the message's severity
 * @param logger the name of the logger that issued it
 * @param data the message: any JSON value, a string or an object most often
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record LoggingMessageNotificationParams(
    LoggingLevel level,
    @Nullable String logger,
    JsonNode data,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public LoggingMessageNotificationParams {
    Checks.required(level, "level");
    Checks.required(data, "data");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A message of {@code data} at {@code level}. */
  public static LoggingMessageNotificationParams of(LoggingLevel level, @Nullable String logger, JsonNode data) {
    return new LoggingMessageNotificationParams(level, logger, data, null, Map.of());
  }

  /** A text message at {@code level}. */
  public static LoggingMessageNotificationParams of(LoggingLevel level, @Nullable String logger, String text) {
    return of(level, logger, TextNode.valueOf(text));
  }

  /** A copy with another {@code _meta}. */
  public LoggingMessageNotificationParams withMeta(@Nullable Meta meta) {
    return new LoggingMessageNotificationParams(level, logger, data, meta, additionalFields);
  }
}
