package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The {@code error.data} of a {@code MissingRequiredClientCapabilityError} (code -32021, 2026-07-28): the request
 * needs a capability the client did not declare in its {@code _meta}.
 *
 * @param requiredCapabilities the capabilities the server needs for this request
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record MissingRequiredClientCapabilityData(
    ClientCapabilities requiredCapabilities,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public MissingRequiredClientCapabilityData {
    Checks.required(requiredCapabilities, "requiredCapabilities");
    additionalFields = Checks.additional(additionalFields);
  }

  /** The request needs {@code requiredCapabilities}. */
  public static MissingRequiredClientCapabilityData of(ClientCapabilities requiredCapabilities) {
    return new MissingRequiredClientCapabilityData(requiredCapabilities, Map.of());
  }
}
