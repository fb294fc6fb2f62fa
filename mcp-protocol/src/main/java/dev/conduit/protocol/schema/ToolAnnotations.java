package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hints about how a tool behaves (2025-03-26). Hints, not guarantees: a client must not trust them from an
 * untrusted server.
 *
 * @param title a display name
 * @param readOnlyHint the tool does not modify its environment (default false)
 * @param destructiveHint the tool may perform destructive updates (default true; meaningful when not read-only)
 * @param idempotentHint calling it again with the same arguments has no further effect (default false)
 * @param openWorldHint the tool interacts with an open world of external entities (default true)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ToolAnnotations(
    @Nullable String title,
    @Nullable Boolean readOnlyHint,
    @Nullable Boolean destructiveHint,
    @Nullable Boolean idempotentHint,
    @Nullable Boolean openWorldHint,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ToolAnnotations {
    additionalFields = Checks.additional(additionalFields);
  }

  /** A tool that only reads. */
  public static ToolAnnotations readOnly() {
    return new ToolAnnotations(null, true, null, null, null, Map.of());
  }

  /** A tool that may destroy data. */
  public static ToolAnnotations destructive() {
    return new ToolAnnotations(null, false, true, null, null, Map.of());
  }

  /** A tool that may be called again with the same arguments to no further effect. */
  public static ToolAnnotations idempotent() {
    return new ToolAnnotations(null, false, false, true, null, Map.of());
  }
}
