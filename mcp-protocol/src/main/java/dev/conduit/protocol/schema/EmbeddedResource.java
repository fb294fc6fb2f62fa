package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The contents of a resource, embedded in a prompt or tool result ({@code "type": "resource"}).
 *
 * @param resource the text or blob contents
 * @param annotations hints for the client about audience and priority
 * @param meta the {@code _meta} object (2025-06-18)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record EmbeddedResource(
    ResourceContents resource,
    @Nullable Annotations annotations,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements ContentBlock {

  public EmbeddedResource {
    Checks.required(resource, "resource");
    additionalFields = Checks.additional(additionalFields);
  }

  /** {@code resource} embedded with no annotations. */
  public static EmbeddedResource of(ResourceContents resource) {
    return new EmbeddedResource(resource, null, null, Map.of());
  }
}
