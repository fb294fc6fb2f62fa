package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A link to a resource the client can read or subscribe to ({@code "type": "resource_link"}; 2025-06-18). It is a
 * {@link Resource} with a type; a resource linked from a tool result need not appear in {@code resources/list}.
 *
 * @param name the programmatic name
 * @param title a display name
 * @param uri the resource's URI
 * @param description what the resource is, for the model
 * @param mimeType the resource's type, if known
 * @param size the raw content's size in bytes, if known
 * @param icons icons to show for it (2025-11-25)
 * @param annotations hints for the client about audience and priority
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ResourceLink(
    String name,
    @Nullable String title,
    String uri,
    @Nullable String description,
    @Nullable String mimeType,
    @Nullable Long size,
    @Nullable List<Icon> icons,
    @Nullable Annotations annotations,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements ContentBlock {

  public ResourceLink {
    Checks.required(name, "name");
    Checks.required(uri, "uri");
    icons = Checks.optionalList(icons);
    additionalFields = Checks.additional(additionalFields);
  }

  /** A link to {@code uri} named {@code name}. */
  public static ResourceLink of(String uri, String name) {
    return new ResourceLink(name, null, uri, null, null, null, null, null, null, Map.of());
  }

  /** A link to a listed resource, with every field it has. */
  public static ResourceLink to(Resource resource) {
    return new ResourceLink(
        resource.name(), resource.title(), resource.uri(), resource.description(), resource.mimeType(),
        resource.size(), resource.icons(), resource.annotations(), resource.meta(), resource.additionalFields());
  }
}
