package dev.conduit.protocol.server.internal;

import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.CompletionHandler;
import dev.conduit.protocol.server.PromptHandler;
import dev.conduit.protocol.server.ResourceHandler;
import dev.conduit.protocol.server.ResourceTemplateHandler;
import dev.conduit.protocol.server.ToolHandler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a server offers. Reads are lock-free over immutable snapshots, which writers replace whole; listing order is
 * registration order, so pages are stable while nothing changes.
 */
public final class Registry {

  /** A tool with its handler and compiled schemas. */
  public record ToolEntry(
      Tool tool, ToolHandler handler, @Nullable JsonSchemas input, @Nullable JsonSchemas output) {}

  /** A resource with its handler. */
  public record ResourceEntry(Resource resource, ResourceHandler handler) {}

  /** A resource template with its matcher and handler. */
  public record TemplateEntry(ResourceTemplate template, UriTemplate matcher, ResourceTemplateHandler handler) {}

  /** A prompt with its handler. */
  public record PromptEntry(Prompt prompt, PromptHandler handler) {}

  private volatile Map<String, ToolEntry> tools = Map.of();
  private volatile Map<String, ResourceEntry> resources = Map.of();
  private volatile Map<String, TemplateEntry> templates = Map.of();
  private volatile Map<String, PromptEntry> prompts = Map.of();
  private volatile Map<String, CompletionHandler> promptCompletions = Map.of();
  private volatile Map<String, CompletionHandler> resourceCompletions = Map.of();

  /**
   * Adds or replaces a tool.
   *
   * @throws IllegalArgumentException if a schema is not a usable JSON Schema
   */
  public synchronized void addTool(Tool tool, ToolHandler handler) {
    Objects.requireNonNull(handler, "handler");
    JsonSchemas input = JsonSchemas.compile(tool.inputSchema());
    JsonSchemas output = tool.outputSchema() == null ? null : JsonSchemas.compile(tool.outputSchema());
    tools = with(tools, tool.name(), new ToolEntry(tool, handler, input, output));
  }

  public synchronized boolean removeTool(String name) {
    Map<String, ToolEntry> before = tools;
    tools = without(before, name);
    return before.containsKey(name);
  }

  public synchronized void addResource(Resource resource, ResourceHandler handler) {
    Objects.requireNonNull(handler, "handler");
    resources = with(resources, resource.uri(), new ResourceEntry(resource, handler));
  }

  public synchronized boolean removeResource(String uri) {
    Map<String, ResourceEntry> before = resources;
    resources = without(before, uri);
    return before.containsKey(uri);
  }

  /**
   * Adds or replaces a resource template.
   *
   * @throws IllegalArgumentException if the URI template is malformed
   */
  public synchronized void addTemplate(ResourceTemplate template, ResourceTemplateHandler handler) {
    Objects.requireNonNull(handler, "handler");
    UriTemplate matcher = UriTemplate.parse(template.uriTemplate());
    templates = with(templates, template.uriTemplate(), new TemplateEntry(template, matcher, handler));
  }

  public synchronized void addPrompt(Prompt prompt, PromptHandler handler) {
    Objects.requireNonNull(handler, "handler");
    prompts = with(prompts, prompt.name(), new PromptEntry(prompt, handler));
  }

  public synchronized boolean removePrompt(String name) {
    Map<String, PromptEntry> before = prompts;
    prompts = without(before, name);
    return before.containsKey(name);
  }

  public synchronized void addPromptCompletion(String promptName, CompletionHandler handler) {
    promptCompletions = with(promptCompletions, promptName, Objects.requireNonNull(handler, "handler"));
  }

  public synchronized void addResourceCompletion(String uriTemplate, CompletionHandler handler) {
    resourceCompletions = with(resourceCompletions, uriTemplate, Objects.requireNonNull(handler, "handler"));
  }

  public @Nullable ToolEntry tool(String name) {
    return tools.get(name);
  }

  public List<Tool> tools() {
    return list(tools, ToolEntry::tool);
  }

  public @Nullable ResourceEntry resource(String uri) {
    return resources.get(uri);
  }

  public List<Resource> resources() {
    return list(resources, ResourceEntry::resource);
  }

  public List<TemplateEntry> templateEntries() {
    return List.copyOf(templates.values());
  }

  public List<ResourceTemplate> templates() {
    return list(templates, TemplateEntry::template);
  }

  public @Nullable PromptEntry prompt(String name) {
    return prompts.get(name);
  }

  public List<Prompt> prompts() {
    return list(prompts, PromptEntry::prompt);
  }

  public @Nullable CompletionHandler promptCompletion(String promptName) {
    return promptCompletions.get(promptName);
  }

  public @Nullable CompletionHandler resourceCompletion(String uriTemplate) {
    return resourceCompletions.get(uriTemplate);
  }

  public boolean hasTools() {
    return !tools.isEmpty();
  }

  public boolean hasResources() {
    return !resources.isEmpty() || !templates.isEmpty();
  }

  public boolean hasPrompts() {
    return !prompts.isEmpty();
  }

  public boolean hasCompletions() {
    return !promptCompletions.isEmpty() || !resourceCompletions.isEmpty() || hasPrompts() || !templates.isEmpty();
  }

  private static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
    Map<String, V> copy = new LinkedHashMap<>(map);
    copy.put(key, value);
    return Collections.unmodifiableMap(copy);
  }

  private static <V> Map<String, V> without(Map<String, V> map, String key) {
    if (!map.containsKey(key)) {
      return map;
    }
    Map<String, V> copy = new LinkedHashMap<>(map);
    copy.remove(key);
    return Collections.unmodifiableMap(copy);
  }

  private static <V, T> List<T> list(Map<String, V> map, Function<V, T> item) {
    return map.values().stream().map(item).toList();
  }
}
