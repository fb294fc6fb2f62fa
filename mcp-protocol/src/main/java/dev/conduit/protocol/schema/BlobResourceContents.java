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
 * The contents of a binary resource.
 *
 * @param uri the resource's URI
 * @param mimeType the resource's type, if known
 * @param blob the binary data, base64-encoded
 * @param meta the {@code _meta} object (2025-06-18)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
@JsonDeserialize(using = JsonDeserializer.None.class) // the interface's dispatcher would otherwise loop
public record BlobResourceContents(
    String uri,
    @Nullable String mimeType,
    String blob,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements ResourceContents {

  public BlobResourceContents {
    Checks.required(uri, "uri");
    Checks.required(blob, "blob");
    additionalFields = Checks.additional(additionalFields);
  }

  /** The contents of {@code uri}: {@code blob} of type {@code mimeType}. */
  public static BlobResourceContents of(String uri, @Nullable String mimeType, String blob) {
    return new BlobResourceContents(uri, mimeType, blob, null, Map.of());
  }
}
