package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the model may use the tools a sampling request offers (2025-11-25).
 *
 * <p>{@code mode} stays a string, as {@code includeContext} and {@code stopReason} do: sampling is deprecated in
 * 2026-07-28, and an unknown mode from a newer peer should reach the client's own policy, not fail the bind.
 *
 * @param mode {@code "auto"} (the default), {@code "required"} or {@code "none"}
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ToolChoice(@Nullable String mode, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ToolChoice {
    additionalFields = Checks.additional(additionalFields);
  }

  /** The model decides whether to call tools. */
  public static ToolChoice auto() {
    return new ToolChoice("auto", Map.of());
  }

  /** The model must call at least one tool. */
  public static ToolChoice required() {
    return new ToolChoice("required", Map.of());
  }

  /** The model must not call tools. */
  public static ToolChoice none() {
    return new ToolChoice("none", Map.of());
  }
}
