package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A family of resources the server can read, named by an RFC 6570 URI template.
 *
 * @param uriTemplate the URI template, such as {@code file:///{path}}
 * @param name the programmatic name
 * @param title a display name (2025-06-18)
 * @param description what the resources are, for the model
 * @param mimeType the type of every matching resource, if they share one
 * @param annotations hints for the client about audience and priority
 * @param icons icons to show for it (2025-11-25)
 * @param meta the {@code _meta} object (2025-06-18)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ResourceTemplate(
    String uriTemplate,
    String name,
    @Nullable String title,
    @Nullable String description,
    @Nullable String mimeType,
    @Nullable Annotations annotations,
    @Nullable List<Icon> icons,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ResourceTemplate {
    Checks.required(uriTemplate, "uriTemplate");
    Checks.required(name, "name");
    icons = Checks.optionalList(icons);
    additionalFields = Checks.additional(additionalFields);
  }

  /** The template {@code uriTemplate}, named {@code name}. */
  public static ResourceTemplate of(String uriTemplate, String name) {
    return new ResourceTemplate(uriTemplate, name, null, null, null, null, null, null, Map.of());
  }

  /** A copy with a description. */
  public ResourceTemplate withDescription(@Nullable String description) {
    return new ResourceTemplate(
        uriTemplate, name, title, description, mimeType, annotations, icons, meta, additionalFields);
  }

  /** A copy with a MIME type. */
  public ResourceTemplate withMimeType(@Nullable String mimeType) {
    return new ResourceTemplate(
        uriTemplate, name, title, description, mimeType, annotations, icons, meta, additionalFields);
  }
}
