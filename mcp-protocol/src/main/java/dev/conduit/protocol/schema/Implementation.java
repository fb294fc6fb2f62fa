package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The name and version of an MCP client or server ({@code clientInfo}, {@code serverInfo}).
 *
 * @param name the programmatic name
 * @param title a display name (2025-06-18)
 * @param version the version
 * @param description what the implementation does (2025-11-25)
 * @param icons icons to show for it (2025-11-25)
 * @param websiteUrl its home page (2025-11-25)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record Implementation(
    String name,
    @Nullable String title,
    String version,
    @Nullable String description,
    @Nullable List<Icon> icons,
    @Nullable String websiteUrl,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public Implementation {
    Checks.required(name, "name");
    Checks.required(version, "version");
    icons = Checks.optionalList(icons);
    additionalFields = Checks.additional(additionalFields);
  }

  /** An implementation with just a name and a version. */
  public static Implementation of(String name, String version) {
    return new Implementation(name, null, version, null, null, null, Map.of());
  }

  /** A copy with a display title. */
  public Implementation withTitle(@Nullable String title) {
    return new Implementation(name, title, version, description, icons, websiteUrl, additionalFields);
  }

  /** A copy with a description. */
  public Implementation withDescription(@Nullable String description) {
    return new Implementation(name, title, version, description, icons, websiteUrl, additionalFields);
  }
}
