package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a {@code completion/complete} request completes an argument of, told apart on the wire by its {@code type}:
 * a prompt ({@code "ref/prompt"}) or a resource template ({@code "ref/resource"}). The specification gives the
 * union no name of its own.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PromptReference.class, name = "ref/prompt"),
  @JsonSubTypes.Type(value = ResourceTemplateReference.class, name = "ref/resource")
})
public sealed interface CompletionReference permits PromptReference, ResourceTemplateReference {}
