package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code resources/read}.
 *
 * @param uri the resource to read
 * @param inputResponses the client's answers to an {@code input_required} result, by key (2026-07-28)
 * @param requestState the opaque state of an {@code input_required} result, sent back as it was (2026-07-28)
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ReadResourceRequestParams(
    String uri,
    @Nullable Map<String, JsonNode> inputResponses,
    @Nullable String requestState,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ReadResourceRequestParams {
    Checks.required(uri, "uri");
    inputResponses = Checks.optionalMap(inputResponses);
    additionalFields = Checks.additional(additionalFields);
  }

  /** Asks to read {@code uri}. */
  public static ReadResourceRequestParams of(String uri) {
    return new ReadResourceRequestParams(uri, null, null, null, Map.of());
  }

  /** A copy with another {@code _meta}. */
  public ReadResourceRequestParams withMeta(@Nullable Meta meta) {
    return new ReadResourceRequestParams(uri, inputResponses, requestState, meta, additionalFields);
  }

  /** A copy that retries after an {@code input_required} result, carrying the answers and the state back. */
  public ReadResourceRequestParams withInputResponses(
      @Nullable Map<String, JsonNode> inputResponses, @Nullable String requestState) {
    return new ReadResourceRequestParams(uri, inputResponses, requestState, meta, additionalFields);
  }
}
