package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The contents of a text resource.
 *
 * @param uri the resource's URI
 * @param mimeType the resource's type, if known
 * @param text the text
 * @param meta the {@code _meta} object (2025-06-18)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
@JsonDeserialize(using = JsonDeserializer.None.class) // the interface's dispatcher would otherwise loop
public record TextResourceContents(
    String uri,
    @Nullable String mimeType,
    String text,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements ResourceContents {

  public TextResourceContents {
    Checks.required(uri, "uri");
    Checks.required(text, "text");
    additionalFields = Checks.additional(additionalFields);
  }

  /** The contents of {@code uri}: {@code text} of type {@code mimeType}. */
  public static TextResourceContents of(String uri, @Nullable String mimeType, String text) {
    return new TextResourceContents(uri, mimeType, text, null, Map.of());
  }
}
