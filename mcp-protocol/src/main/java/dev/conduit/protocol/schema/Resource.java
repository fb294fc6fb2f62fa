package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A resource the server can read, as listed by {@code resources/list}.
 *
 * @param uri the resource's URI
 * @param name the programmatic name
 * @param title a display name (2025-06-18)
 * @param description what the resource is, for the model
 * @param mimeType the resource's type, if known
 * @param size the raw content's size in bytes, if known
 * @param annotations hints for the client about audience and priority
 * @param icons icons to show for it (2025-11-25)
 * @param meta the {@code _meta} object (2025-06-18)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record Resource(
    String uri,
    String name,
    @Nullable String title,
    @Nullable String description,
    @Nullable String mimeType,
    @Nullable Long size,
    @Nullable Annotations annotations,
    @Nullable List<Icon> icons,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public Resource {
    Checks.required(uri, "uri");
    Checks.required(name, "name");
    icons = Checks.optionalList(icons);
    additionalFields = Checks.additional(additionalFields);
  }

  /** The resource at {@code uri}, named {@code name}. */
  public static Resource of(String uri, String name) {
    return new Resource(uri, name, null, null, null, null, null, null, null, Map.of());
  }

  /** A copy with a description. */
  public Resource withDescription(@Nullable String description) {
    return new Resource(uri, name, title, description, mimeType, size, annotations, icons, meta, additionalFields);
  }

  /** A copy with a MIME type. */
  public Resource withMimeType(@Nullable String mimeType) {
    return new Resource(uri, name, title, description, mimeType, size, annotations, icons, meta, additionalFields);
  }

  /** A copy with a display title. */
  public Resource withTitle(@Nullable String title) {
    return new Resource(uri, name, title, description, mimeType, size, annotations, icons, meta, additionalFields);
  }
}
