package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hints for the client about how to use or show an object (content blocks, resources, templates). In 2024-11-05
 * the same object was the {@code annotations} member of {@code Annotated}.
 *
 * @param audience who the object is meant for: the user, the assistant, or both
 * @param priority how important the object is, from 0 (optional) to 1 (effectively required)
 * @param lastModified when the object was last changed, as an ISO 8601 timestamp (2025-06-18)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record Annotations(
    @Nullable List<Role> audience,
    @JsonSerialize(using = CompactDoubleSerializer.class) @Nullable Double priority,
    @Nullable String lastModified,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public Annotations {
    audience = Checks.optionalList(audience);
    additionalFields = Checks.additional(additionalFields);
  }

  /** Annotations naming the audience only. */
  public static Annotations forAudience(Role... audience) {
    return new Annotations(List.of(audience), null, null, Map.of());
  }

  /** A copy with a priority. */
  public Annotations withPriority(@Nullable Double priority) {
    return new Annotations(audience, priority, lastModified, additionalFields);
  }
}
