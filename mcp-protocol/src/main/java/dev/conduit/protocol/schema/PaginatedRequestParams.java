package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a paginated list request: {@code tools/list}, {@code prompts/list}, {@code resources/list},
 * {@code resources/templates/list}, {@code tasks/list}.
 *
 * @param cursor the {@code nextCursor} of the previous page; absent for the first page
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record PaginatedRequestParams(
    @Nullable String cursor,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public PaginatedRequestParams {
    additionalFields = Checks.additional(additionalFields);
  }

  /** Asks for the page at {@code cursor}, or the first page when it is null. */
  public static PaginatedRequestParams of(@Nullable String cursor) {
    return new PaginatedRequestParams(cursor, null, Map.of());
  }

  /** A copy with another {@code _meta}. */
  public PaginatedRequestParams withMeta(@Nullable Meta meta) {
    return new PaginatedRequestParams(cursor, meta, additionalFields);
  }
}
