package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A model's request to call a tool, in a sampling message or result ({@code "type": "tool_use"}; 2025-11-25).
 *
 * @param id this call's id, which the matching {@link ToolResultContent#toolUseId()} repeats
 * @param name the tool to call
 * @param input the arguments, a JSON object conforming to the tool's input schema; treat the node as read-only
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ToolUseContent(
    String id,
    String name,
    JsonNode input,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements ContentBlock {

  public ToolUseContent {
    Checks.required(id, "id");
    Checks.required(name, "name");
    Checks.required(input, "input");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A call {@code id} of tool {@code name} with {@code input}. */
  public static ToolUseContent of(String id, String name, JsonNode input) {
    return new ToolUseContent(id, name, input, null, Map.of());
  }
}
