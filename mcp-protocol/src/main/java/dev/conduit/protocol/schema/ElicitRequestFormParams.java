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
 * The parameters of a form-mode {@code elicitation/create} (2025-06-18): ask the user to fill in a flat form. Never
 * for secrets; use URL mode for those.
 *
 * <pre>{@code
 * ElicitRequestFormParams params = ElicitRequestFormParams.of("Where shall we ship it?",
 *     RequestedSchema.builder()
 *         .property("city", StringSchema.of().withTitle("City"), true)
 *         .property("express", BooleanSchema.of().withDefault(false))
 *         .build());
 * }</pre>
 *
 * @param mode {@code "form"}, or absent (the only mode before 2025-11-25)
 * @param message what the user is asked, and why
 * @param requestedSchema the form: a flat object schema of primitive properties
 * @param task asks for the elicitation to run as a task (2025-11-25)
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
@JsonDeserialize(using = JsonDeserializer.None.class) // the interface's dispatcher would otherwise loop
public record ElicitRequestFormParams(
    @Nullable String mode,
    String message,
    RequestedSchema requestedSchema,
    @Nullable TaskMetadata task,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements ElicitRequestParams {

  public ElicitRequestFormParams {
    Checks.required(message, "message");
    Checks.required(requestedSchema, "requestedSchema");
    additionalFields = Checks.additional(additionalFields);
  }

  /**
   * A form asking {@code message}. {@code mode} is left out, which every revision reads as form mode and which
   * 2025-06-18 peers require.
   */
  public static ElicitRequestFormParams of(String message, RequestedSchema requestedSchema) {
    return new ElicitRequestFormParams(null, message, requestedSchema, null, null, Map.of());
  }

  /** A copy with {@code "mode": "form"} spelled out. */
  public ElicitRequestFormParams withExplicitMode() {
    return new ElicitRequestFormParams(FORM_MODE, message, requestedSchema, task, meta, additionalFields);
  }

  @Override
  public ElicitRequestFormParams withMeta(@Nullable Meta meta) {
    return new ElicitRequestFormParams(mode, message, requestedSchema, task, meta, additionalFields);
  }
}
