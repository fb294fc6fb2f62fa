package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code elicitation/create} (2025-06-18).
 *
 * @param action what the user did
 * @param content the submitted form data, an object of strings, numbers, booleans and string arrays; present only
 *     when a form was accepted
 * @param resultType absent: in 2026-07-28 this result travels inside {@code inputResponses}, which has none
 * @param meta the {@code _meta} object (not in 2026-07-28)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ElicitResult(
    ElicitAction action,
    @Nullable JsonNode content,
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ElicitResult {
    Checks.required(action, "action");
    additionalFields = Checks.additional(additionalFields);
  }

  /** The user accepted, submitting {@code content} (null for a URL-mode elicitation). */
  public static ElicitResult accept(@Nullable JsonNode content) {
    return new ElicitResult(ElicitAction.ACCEPT, content, null, null, Map.of());
  }

  /** The user declined. */
  public static ElicitResult decline() {
    return new ElicitResult(ElicitAction.DECLINE, null, null, null, Map.of());
  }

  /** The user dismissed the request. */
  public static ElicitResult cancel() {
    return new ElicitResult(ElicitAction.CANCEL, null, null, null, Map.of());
  }

  /** Whether the user accepted. */
  public boolean accepted() {
    return action == ElicitAction.ACCEPT;
  }
}
