package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of a tool call, handed back to the model in a sampling message ({@code "type": "tool_result"};
 * 2025-11-25).
 *
 * @param toolUseId the {@link ToolUseContent#id()} this answers
 * @param content the unstructured result
 * @param structuredContent the structured result, if the tool has an output schema
 * @param isError whether the call failed; absent means false
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ToolResultContent(
    String toolUseId,
    List<ContentBlock> content,
    @Nullable JsonNode structuredContent,
    @Nullable Boolean isError,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields)
    implements ContentBlock {

  public ToolResultContent {
    Checks.required(toolUseId, "toolUseId");
    content = Checks.requiredList(content, "content");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A successful result for call {@code toolUseId}. */
  public static ToolResultContent of(String toolUseId, ContentBlock... content) {
    return new ToolResultContent(toolUseId, List.of(content), null, null, null, Map.of());
  }

  /** The result of a {@code tools/call}, handed to the model as the answer to call {@code toolUseId}. */
  public static ToolResultContent of(String toolUseId, CallToolResult result) {
    return new ToolResultContent(
        toolUseId, result.content(), result.structuredContent(), result.isError(), null, Map.of());
  }
}
