package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code tasks/result} (2025-11-25): exactly the result the original request would have had (a
 * {@link CallToolResult}, a {@link CreateMessageResult}, ...), whose type only the requester knows. Its fields other
 * than {@code resultType} and {@code _meta} are kept in {@code additionalFields}; {@link #as(Class)} binds the whole.
 *
 * @param resultType absent on a legacy result
 * @param meta the {@code _meta} object, which ties the result to its task
 * @param additionalFields every other field of the original result
 */
public record GetTaskPayloadResult(
    @Nullable String resultType,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public GetTaskPayloadResult {
    additionalFields = Checks.additional(additionalFields);
  }

  /** The payload of {@code result}, any result record. */
  public static GetTaskPayloadResult of(Object result) {
    return Json.MAPPER.convertValue(result, GetTaskPayloadResult.class);
  }

  /**
   * The original result, bound to {@code type}.
   *
   * @throws IllegalArgumentException if the payload does not fit {@code type}
   */
  public <T> T as(Class<T> type) {
    ObjectNode tree = Json.MAPPER.valueToTree(this);
    try {
      return Json.MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(Json.describe(e), e);
    }
  }
}
