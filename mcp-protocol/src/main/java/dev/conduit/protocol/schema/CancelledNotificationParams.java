package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code notifications/cancelled}: the sender no longer wants the answer to a request.
 *
 * @param requestId the request to cancel; required in every revision but 2025-11-25, whose schema leaves it optional
 *     (while saying it must be given for any request that is not a task)
 * @param reason why, for logs or the user
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record CancelledNotificationParams(
    @Nullable RequestId requestId,
    @Nullable String reason,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public CancelledNotificationParams {
    additionalFields = Checks.additional(additionalFields);
  }

  /** Cancels {@code requestId}. */
  public static CancelledNotificationParams of(RequestId requestId, @Nullable String reason) {
    return new CancelledNotificationParams(requestId, reason, null, Map.of());
  }
}
