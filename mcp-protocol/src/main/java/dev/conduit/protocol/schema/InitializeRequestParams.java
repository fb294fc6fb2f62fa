package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code initialize}, the first request of a legacy (2025-11-25 and earlier) session. Modern
 * (2026-07-28) peers send the same facts in every request's {@code _meta} instead.
 *
 * @param protocolVersion the newest revision the client speaks
 * @param capabilities what the client can do
 * @param clientInfo the client's name and version
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record InitializeRequestParams(
    String protocolVersion,
    ClientCapabilities capabilities,
    Implementation clientInfo,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public InitializeRequestParams {
    Checks.required(protocolVersion, "protocolVersion");
    Checks.required(capabilities, "capabilities");
    Checks.required(clientInfo, "clientInfo");
    additionalFields = Checks.additional(additionalFields);
  }

  /** An {@code initialize} offering {@code protocolVersion}. */
  public static InitializeRequestParams of(
      String protocolVersion, ClientCapabilities capabilities, Implementation clientInfo) {
    return new InitializeRequestParams(protocolVersion, capabilities, clientInfo, null, Map.of());
  }

  /** A copy with another {@code _meta}. */
  public InitializeRequestParams withMeta(@Nullable Meta meta) {
    return new InitializeRequestParams(protocolVersion, capabilities, clientInfo, meta, additionalFields);
  }
}
