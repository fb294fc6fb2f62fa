package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A piece of content, told apart on the wire by its {@code type}: {@code text}, {@code image}, {@code audio},
 * {@code resource_link}, {@code resource}, and in sampling messages {@code tool_use} and {@code tool_result}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = TextContent.class, name = "text"),
  @JsonSubTypes.Type(value = ImageContent.class, name = "image"),
  @JsonSubTypes.Type(value = AudioContent.class, name = "audio"),
  @JsonSubTypes.Type(value = ResourceLink.class, name = "resource_link"),
  @JsonSubTypes.Type(value = EmbeddedResource.class, name = "resource"),
  @JsonSubTypes.Type(value = ToolUseContent.class, name = "tool_use"),
  @JsonSubTypes.Type(value = ToolResultContent.class, name = "tool_result")
})
public sealed interface ContentBlock
    permits TextContent, ImageContent, AudioContent, ResourceLink, EmbeddedResource, ToolUseContent,
        ToolResultContent {}
