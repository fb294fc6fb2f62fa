package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Audio content ({@code "type": "audio"}) (2025-03-26).
 *
 * @param data the audio data, base64-encoded
 * @param mimeType the audio type, such as {@code audio/wav}
 * @param annotations hints for the client about audience and priority
 * @param meta the {@code _meta} object (2025-06-18)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record AudioContent(
    String data,
    String mimeType,
    @Nullable Annotations annotations,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements ContentBlock {

  public AudioContent {
    Checks.required(data, "data");
    Checks.required(mimeType, "mimeType");
    additionalFields = Checks.additional(additionalFields);
  }

  /** Audio content from base64 {@code data} of type {@code mimeType}. */
  public static AudioContent of(String data, String mimeType) {
    return new AudioContent(data, mimeType, null, null, Map.of());
  }
}
