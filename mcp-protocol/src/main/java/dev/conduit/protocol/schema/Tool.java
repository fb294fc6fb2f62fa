package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tool the server offers.
 *
 * <p>Build one with {@link #named(String)}:
 *
 * <pre>{@code
 * Tool tool = Tool.named("get_weather")
 *     .description("Current weather for a city")
 *     .inputSchema("""
 *         {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}""")
 *     .annotations(ToolAnnotations.readOnly())
 *     .build();
 * }</pre>
 *
 * @param name the unique name: 1 to 128 characters of {@code [A-Za-z0-9_.-]}
 * @param title a display name (2025-06-18)
 * @param description what the tool does, for the model
 * @param icons icons to show for it (2025-11-25)
 * @param inputSchema the JSON Schema of the arguments; treat the node as read-only
 * @param outputSchema the JSON Schema of {@code structuredContent} in results (2025-06-18)
 * @param annotations behaviour hints (2025-03-26)
 * @param execution execution properties such as task support (2025-11-25)
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record Tool(
    String name,
    @Nullable String title,
    @Nullable String description,
    @Nullable List<Icon> icons,
    JsonNode inputSchema,
    @Nullable JsonNode outputSchema,
    @Nullable ToolAnnotations annotations,
    @Nullable ToolExecution execution,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public Tool {
    Checks.required(name, "name");
    Checks.required(inputSchema, "inputSchema");
    icons = Checks.optionalList(icons);
    additionalFields = Checks.additional(additionalFields);
  }

  /** Starts a tool named {@code name}; its input schema defaults to {@code {"type":"object"}}. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /**
   * The parameters that travel as HTTP headers too (2026-07-28, SEP-2243): each property of the input schema marked
   * {@code "x-mcp-header": "Region"} is also sent, in a tools/call of this tool over Streamable HTTP, as header {@code
   * Mcp-Param-Region}, so that a gateway can route on it without reading the body; the server checks that the two
   * agree.
   *
   * @return each marked property's name and the header name it gives (without the {@code Mcp-Param-} prefix), in the
   *     schema's order; empty if there are none
   * @throws IllegalArgumentException if a marking is invalid: a name that is empty or not an HTTP token, a name used
   *     twice (letter case aside), or a property that is not a string, integer or boolean. A client must not call
   *     such a tool.
   */
  public Map<String, String> paramHeaders() {
    return ParamHeaderDefinitions.of(inputSchema);
  }

  /** A builder holding this tool's fields. */
  public Builder toBuilder() {
    Builder builder = new Builder(name);
    builder.title = title;
    builder.description = description;
    builder.icons = icons;
    builder.inputSchema = inputSchema;
    builder.outputSchema = outputSchema;
    builder.annotations = annotations;
    builder.execution = execution;
    builder.meta = meta;
    builder.additionalFields = additionalFields;
    return builder;
  }

  /** Builds a {@link Tool}. */
  public static final class Builder {
    private final String name;
    private @Nullable String title;
    private @Nullable String description;
    private @Nullable List<Icon> icons;
    private JsonNode inputSchema = Json.MAPPER.createObjectNode().put("type", "object");
    private @Nullable JsonNode outputSchema;
    private @Nullable ToolAnnotations annotations;
    private @Nullable ToolExecution execution;
    private @Nullable Meta meta;
    private Map<String, JsonNode> additionalFields = Map.of();

    private Builder(String name) {
      this.name = Checks.required(name, "name");
    }

    public Builder title(@Nullable String title) {
      this.title = title;
      return this;
    }

    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    public Builder icons(Icon... icons) {
      this.icons = List.of(icons);
      return this;
    }

    public Builder inputSchema(JsonNode schema) {
      this.inputSchema = Checks.required(schema, "inputSchema");
      return this;
    }

    /**
     * The input schema as JSON text.
     *
     * @throws IllegalArgumentException if {@code json} is not valid JSON
     */
    public Builder inputSchema(String json) {
      return inputSchema(parse(json));
    }

    public Builder outputSchema(@Nullable JsonNode schema) {
      this.outputSchema = schema;
      return this;
    }

    /**
     * The output schema as JSON text.
     *
     * @throws IllegalArgumentException if {@code json} is not valid JSON
     */
    public Builder outputSchema(String json) {
      return outputSchema(parse(json));
    }

    public Builder annotations(@Nullable ToolAnnotations annotations) {
      this.annotations = annotations;
      return this;
    }

    public Builder execution(@Nullable ToolExecution execution) {
      this.execution = execution;
      return this;
    }

    public Builder meta(@Nullable Meta meta) {
      this.meta = meta;
      return this;
    }

    public Tool build() {
      return new Tool(
          name, title, description, icons, inputSchema, outputSchema, annotations, execution, meta,
          additionalFields);
    }

    private static JsonNode parse(String json) {
      try {
        return Json.MAPPER.readTree(json);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Schema is not valid JSON: " + Json.describe(e), e);
      }
    }
  }
}
