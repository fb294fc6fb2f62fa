package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code sampling/createMessage}: the server asks the client to run an LLM. A legacy server sends
 * it as a request; a modern (2026-07-28) server embeds it in an {@link InputRequest}.
 *
 * @param messages the conversation so far
 * @param modelPreferences the server's model preferences
 * @param systemPrompt a system prompt the client may use, change or drop
 * @param includeContext {@code "none"}, {@code "thisServer"} or {@code "allServers"}: which MCP servers' context to
 *     add; the last two are deprecated. A string, not an enum, so that an unknown value reaches the client's policy
 * @param temperature the sampling temperature
 * @param maxTokens the most tokens to generate
 * @param stopSequences sequences that end generation
 * @param metadata provider-specific metadata to pass through
 * @param tools tools the model may call (2025-11-25)
 * @param toolChoice how the model may use them (2025-11-25)
 * @param task asks for the sampling to run as a task (2025-11-25)
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record CreateMessageRequestParams(
    List<SamplingMessage> messages,
    @Nullable ModelPreferences modelPreferences,
    @Nullable String systemPrompt,
    @Nullable String includeContext,
    @JsonSerialize(using = CompactDoubleSerializer.class) @Nullable Double temperature,
    Integer maxTokens,
    @Nullable List<String> stopSequences,
    @Nullable JsonNode metadata,
    @Nullable List<Tool> tools,
    @Nullable ToolChoice toolChoice,
    @Nullable TaskMetadata task,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public CreateMessageRequestParams {
    messages = Checks.requiredList(messages, "messages");
    Checks.required(maxTokens, "maxTokens");
    stopSequences = Checks.optionalList(stopSequences);
    tools = Checks.optionalList(tools);
    additionalFields = Checks.additional(additionalFields);
  }

  /** Asks for at most {@code maxTokens} tokens continuing {@code messages}. */
  public static CreateMessageRequestParams of(int maxTokens, SamplingMessage... messages) {
    return new CreateMessageRequestParams(
        List.of(messages), null, null, null, null, maxTokens, null, null, null, null, null, null, Map.of());
  }

  /** A copy with a system prompt. */
  public CreateMessageRequestParams withSystemPrompt(@Nullable String systemPrompt) {
    return new CreateMessageRequestParams(
        messages, modelPreferences, systemPrompt, includeContext, temperature, maxTokens, stopSequences, metadata,
        tools, toolChoice, task, meta, additionalFields);
  }

  /** A copy with model preferences. */
  public CreateMessageRequestParams withModelPreferences(@Nullable ModelPreferences modelPreferences) {
    return new CreateMessageRequestParams(
        messages, modelPreferences, systemPrompt, includeContext, temperature, maxTokens, stopSequences, metadata,
        tools, toolChoice, task, meta, additionalFields);
  }

  /** A copy offering {@code tools} to the model, used as {@code toolChoice} says (2025-11-25). */
  public CreateMessageRequestParams withTools(@Nullable List<Tool> tools, @Nullable ToolChoice toolChoice) {
    return new CreateMessageRequestParams(
        messages, modelPreferences, systemPrompt, includeContext, temperature, maxTokens, stopSequences, metadata,
        tools, toolChoice, task, meta, additionalFields);
  }

  /** A copy with another {@code _meta}. */
  public CreateMessageRequestParams withMeta(@Nullable Meta meta) {
    return new CreateMessageRequestParams(
        messages, modelPreferences, systemPrompt, includeContext, temperature, maxTokens, stopSequences, metadata,
        tools, toolChoice, task, meta, additionalFields);
  }
}
