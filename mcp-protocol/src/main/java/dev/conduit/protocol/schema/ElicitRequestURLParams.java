package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a URL-mode {@code elicitation/create} (2025-11-25): send the user to a web page, for input
 * that must not pass through the client (credentials, payments, OAuth consent).
 *
 * @param mode {@code "url"}
 * @param message why the user should visit the page
 * @param elicitationId the elicitation's id, unique on the server, which {@code notifications/elicitation/complete}
 *     repeats; required in 2025-11-25, gone in 2026-07-28
 * @param url the page to visit
 * @param task asks for the elicitation to run as a task (2025-11-25)
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
@JsonDeserialize(using = JsonDeserializer.None.class) // the interface's dispatcher would otherwise loop
public record ElicitRequestURLParams(
    String mode,
    String message,
    @Nullable String elicitationId,
    String url,
    @Nullable TaskMetadata task,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements ElicitRequestParams {

  public ElicitRequestURLParams {
    if (!URL_MODE.equals(Checks.required(mode, "mode"))) {
      throw new IllegalArgumentException("mode must be 'url'");
    }
    Checks.required(message, "message");
    Checks.required(url, "url");
    additionalFields = Checks.additional(additionalFields);
  }

  /** Sends the user to {@code url}; pass an {@code elicitationId} for 2025-11-25 peers, null for 2026-07-28 ones. */
  public static ElicitRequestURLParams of(String message, String url, @Nullable String elicitationId) {
    return new ElicitRequestURLParams(URL_MODE, message, elicitationId, url, null, null, Map.of());
  }

  @Override
  public ElicitRequestURLParams withMeta(@Nullable Meta meta) {
    return new ElicitRequestURLParams(mode, message, elicitationId, url, task, meta, additionalFields);
  }
}
