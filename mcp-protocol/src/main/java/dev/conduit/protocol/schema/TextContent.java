package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Text content ({@code "type": "text"}).
 *
 * @param text the text
 * @param annotations hints for the client about audience and priority
 * @param meta the {@code _meta} object (2025-06-18)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record TextContent(
    String text,
    @Nullable Annotations annotations,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements ContentBlock {

  public TextContent {
    Checks.required(text, "text");
    additionalFields = Checks.additional(additionalFields);
  }

  /** Plain text with no annotations. */
  public static TextContent of(String text) {
    return new TextContent(text, null, null, Map.of());
  }
}
