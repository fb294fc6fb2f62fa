package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Image content ({@code "type": "image"}).
 *
 * @param data the image data, base64-encoded
 * @param mimeType the image type, such as {@code image/png}
 * @param annotations hints for the client about audience and priority
 * @param meta the {@code _meta} object (2025-06-18)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ImageContent(
    String data,
    String mimeType,
    @Nullable Annotations annotations,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements ContentBlock {

  public ImageContent {
    Checks.required(data, "data");
    Checks.required(mimeType, "mimeType");
    additionalFields = Checks.additional(additionalFields);
  }

  /** Image content from base64 {@code data} of type {@code mimeType}. */
  public static ImageContent of(String data, String mimeType) {
    return new ImageContent(data, mimeType, null, null, Map.of());
  }
}
