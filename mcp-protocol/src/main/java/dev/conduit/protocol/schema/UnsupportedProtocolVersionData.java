package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The {@code error.data} of an {@code UnsupportedProtocolVersionError} (code -32022, 2026-07-28): the server does
 * not speak the revision a request named. Legacy servers sent the same shape with -32602 from {@code initialize}.
 *
 * @param supported every revision the server speaks; the client should retry with one of them
 * @param requested the revision the request named
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record UnsupportedProtocolVersionData(
    List<String> supported,
    String requested,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public UnsupportedProtocolVersionData {
    supported = Checks.requiredList(supported, "supported");
    Checks.required(requested, "requested");
    additionalFields = Checks.additional(additionalFields);
  }

  /** {@code requested} is not among {@code supported}. */
  public static UnsupportedProtocolVersionData of(List<String> supported, String requested) {
    return new UnsupportedProtocolVersionData(supported, requested, Map.of());
  }
}
