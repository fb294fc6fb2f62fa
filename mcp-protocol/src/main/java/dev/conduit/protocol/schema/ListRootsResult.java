package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code roots/list}: the client's roots.
 *
 * @param roots the roots
 * @param resultType absent: in 2026-07-28 this result travels inside {@code inputResponses}, which has none
 * @param meta the {@code _meta} object (not in 2026-07-28)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ListRootsResult(
    List<Root> roots,
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ListRootsResult {
    roots = Checks.requiredList(roots, "roots");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A result listing {@code roots}. */
  public static ListRootsResult of(Root... roots) {
    return new ListRootsResult(List.of(roots), null, null, Map.of());
  }
}
