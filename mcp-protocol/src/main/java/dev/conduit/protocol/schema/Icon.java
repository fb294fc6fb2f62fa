package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An icon for an implementation, tool, prompt, resource or template (2025-11-25).
 *
 * @param src an {@code https:} or {@code data:} URI
 * @param mimeType the image type, such as {@code image/png}
 * @param sizes sizes the image suits, such as {@code "48x48"} or {@code "any"}
 * @param theme {@code "light"} or {@code "dark"}, the background the icon is meant for
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record Icon(
    String src,
    @Nullable String mimeType,
    @Nullable List<String> sizes,
    @Nullable String theme,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public Icon {
    Checks.required(src, "src");
    sizes = Checks.optionalList(sizes);
    additionalFields = Checks.additional(additionalFields);
  }

  /** An icon at {@code src} with nothing else said about it. */
  public static Icon of(String src) {
    return new Icon(src, null, null, null, Map.of());
  }
}
