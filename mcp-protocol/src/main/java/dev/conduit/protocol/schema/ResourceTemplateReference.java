package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A reference to a resource template, whose variables a {@code completion/complete} request completes ({@code
 * "type": "ref/resource"}; named {@code ResourceReference} in 2024-11-05 and 2025-03-26).
 *
 * @param uri the template's URI template, or a URI
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ResourceTemplateReference(
    String uri, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) implements CompletionReference {

  public ResourceTemplateReference {
    Checks.required(uri, "uri");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A reference to the template {@code uri}. */
  public static ResourceTemplateReference of(String uri) {
    return new ResourceTemplateReference(uri, Map.of());
  }
}
