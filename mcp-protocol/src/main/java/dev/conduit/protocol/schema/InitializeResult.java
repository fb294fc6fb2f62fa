package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code initialize}.
 *
 * @param protocolVersion the revision the session will speak: the client's, if the server speaks it, otherwise the
 *     server's newest
 * @param capabilities what the server can do
 * @param serverInfo the server's name and version
 * @param instructions how to use the server, which a client may add to the model's system prompt
 * @param resultType never sent by a legacy server; kept for symmetry with the other results
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record InitializeResult(
    String protocolVersion,
    ServerCapabilities capabilities,
    Implementation serverInfo,
    @Nullable String instructions,
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public InitializeResult {
    Checks.required(protocolVersion, "protocolVersion");
    Checks.required(capabilities, "capabilities");
    Checks.required(serverInfo, "serverInfo");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A result agreeing on {@code protocolVersion}. */
  public static InitializeResult of(
      String protocolVersion,
      ServerCapabilities capabilities,
      Implementation serverInfo,
      @Nullable String instructions) {
    return new InitializeResult(protocolVersion, capabilities, serverInfo, instructions, null, null, Map.of());
  }
}
