package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code tools/call}.
 *
 * <p>A tool that fails reports it here, with {@code isError: true}, so that the model can see what went wrong; a
 * protocol error is only for calls that never reached the tool (an unknown tool, say).
 *
 * @param content the unstructured result
 * @param structuredContent the structured result, conforming to the tool's {@code outputSchema} (2025-06-18)
 * @param isError whether the call failed; absent means false
 * @param resultType {@code "complete"} on a modern (2026-07-28) result; absent on a legacy one
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record CallToolResult(
    List<ContentBlock> content,
    @Nullable JsonNode structuredContent,
    @Nullable Boolean isError,
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public CallToolResult {
    content = Checks.requiredList(content, "content");
    additionalFields = Checks.additional(additionalFields);
  }

  /** A successful result holding {@code content}. */
  public static CallToolResult of(ContentBlock... content) {
    return new CallToolResult(List.of(content), null, null, null, null, Map.of());
  }

  /** A successful result holding one text block. */
  public static CallToolResult text(String text) {
    return of(TextContent.of(text));
  }

  /** A failed result whose one text block says what went wrong. */
  public static CallToolResult error(String message) {
    return new CallToolResult(List.of(TextContent.of(message)), null, true, null, null, Map.of());
  }

  /**
   * A successful structured result. The server adds the JSON text of {@code structuredContent} as a text block
   * for clients that read only {@code content}.
   */
  public static CallToolResult structured(JsonNode structuredContent) {
    return new CallToolResult(List.of(), structuredContent, null, null, null, Map.of());
  }

  /** Whether the call failed. */
  public boolean failed() {
    return Boolean.TRUE.equals(isError);
  }

  /** A copy with other content blocks. */
  public CallToolResult withContent(List<ContentBlock> content) {
    return new CallToolResult(content, structuredContent, isError, resultType, meta, additionalFields);
  }

  /** A copy with another {@code _meta}. */
  public CallToolResult withMeta(@Nullable Meta meta) {
    return new CallToolResult(content, structuredContent, isError, resultType, meta, additionalFields);
  }
}
