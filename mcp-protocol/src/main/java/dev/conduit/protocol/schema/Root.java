package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A directory or file the client lets the server work on.
 *
 * @param uri the root's URI; {@code file://} in every revision so far
 * @param name a display name
 * @param meta the {@code _meta} object (2025-06-18)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record Root(
    String uri,
    @Nullable String name,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public Root {
    Checks.required(uri, "uri");
    additionalFields = Checks.additional(additionalFields);
  }

  /** The root {@code uri}, shown as {@code name}. */
  public static Root of(String uri, @Nullable String name) {
    return new Root(uri, name, null, Map.of());
  }
}
