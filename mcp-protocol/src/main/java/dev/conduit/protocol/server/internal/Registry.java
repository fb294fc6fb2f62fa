package dev.conduit.protocol.server.internal;

import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.CompletionHandler;
import dev.conduit.protocol.server.ListKind;
import dev.conduit.protocol.server.PromptHandler;
import dev.conduit.protocol.server.ResourceHandler;
import dev.conduit.protocol.server.ResourceTemplateHandler;
import dev.conduit.protocol.server.ToolHandler;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What a server offers. Reads are lock-free over one immutable {@link Snapshot}, which writers replace whole: a
 * request sees every list as it was at one moment, and a batch of changes lands all at once.
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

  /** Everything registered at one moment. */
  record Snapshot(
      Catalog<ToolEntry> tools,
      Catalog<ResourceEntry> resources,
      Catalog<TemplateEntry> templates,
      Catalog<PromptEntry> prompts,
      Catalog<CompletionHandler> promptCompletions,
      Catalog<CompletionHandler> resourceCompletions) {

    static final Snapshot EMPTY = new Snapshot(Catalog.empty(), Catalog.empty(), Catalog.empty(), Catalog.empty(),
        Catalog.empty(), Catalog.empty());

    boolean hasResources() {
      return !resources.isEmpty() || !templates.isEmpty();
    }

    boolean hasCompletions() {
      return !promptCompletions.isEmpty() || !resourceCompletions.isEmpty() || !prompts.isEmpty()
          || !templates.isEmpty();
    }
  }

  private volatile Snapshot current = Snapshot.EMPTY;
  private long nextNumber;

  /** What is registered now. */
  Snapshot snapshot() {
    return current;
  }

  /**
   * Applies a batch of changes at once: if one of them fails (a schema that does not compile, say), none applies.
   *
   * @return the lists that changed
   */
  public synchronized Set<ListKind> update(Consumer<Editor> changes) {
    Editor editor = new Editor(current);
    changes.accept(editor);
    current = editor.snapshot;
    return editor.changed;
  }

  /** Changes to apply together; see {@link #update}. */
  public final class Editor {
    private Snapshot snapshot;
    private final Set<ListKind> changed = EnumSet.noneOf(ListKind.class);

    private Editor(Snapshot snapshot) {
      this.snapshot = snapshot;
    }

    /**
     * Adds or replaces a tool.
     *
     * @throws IllegalArgumentException if a schema is not a usable JSON Schema
     */
    public void addTool(Tool tool, ToolHandler handler) {
      Objects.requireNonNull(handler, "handler");
      JsonSchemas input = JsonSchemas.compile(tool.inputSchema());
      JsonSchemas output = tool.outputSchema() == null ? null : JsonSchemas.compile(tool.outputSchema());
      Snapshot s = snapshot;
      snapshot = new Snapshot(s.tools.with(tool.name(), new ToolEntry(tool, handler, input, output), nextNumber++),
          s.resources, s.templates, s.prompts, s.promptCompletions, s.resourceCompletions);
      changed.add(ListKind.TOOLS);
    }

    public boolean removeTool(String name) {
      Snapshot s = snapshot;
      if (!s.tools.contains(name)) {
        return false;
      }
      snapshot = new Snapshot(s.tools.without(name), s.resources, s.templates, s.prompts, s.promptCompletions,
          s.resourceCompletions);
      changed.add(ListKind.TOOLS);
      return true;
    }

    public void addResource(Resource resource, ResourceHandler handler) {
      Objects.requireNonNull(handler, "handler");
      Snapshot s = snapshot;
      snapshot = new Snapshot(s.tools,
          s.resources.with(resource.uri(), new ResourceEntry(resource, handler), nextNumber++), s.templates,
          s.prompts, s.promptCompletions, s.resourceCompletions);
      changed.add(ListKind.RESOURCES);
    }

    public boolean removeResource(String uri) {
      Snapshot s = snapshot;
      if (!s.resources.contains(uri)) {
        return false;
      }
      snapshot = new Snapshot(s.tools, s.resources.without(uri), s.templates, s.prompts, s.promptCompletions,
          s.resourceCompletions);
      changed.add(ListKind.RESOURCES);
      return true;
    }

    /**
     * Adds or replaces a resource template.
     *
     * @throws IllegalArgumentException if the URI template is malformed
     */
    public void addTemplate(ResourceTemplate template, ResourceTemplateHandler handler) {
      Objects.requireNonNull(handler, "handler");
      UriTemplate matcher = UriTemplate.parse(template.uriTemplate());
      Snapshot s = snapshot;
      snapshot = new Snapshot(s.tools, s.resources,
          s.templates.with(template.uriTemplate(), new TemplateEntry(template, matcher, handler), nextNumber++),
          s.prompts, s.promptCompletions, s.resourceCompletions);
      changed.add(ListKind.RESOURCES);
    }

    public boolean removeTemplate(String uriTemplate) {
      Snapshot s = snapshot;
      if (!s.templates.contains(uriTemplate)) {
        return false;
      }
      snapshot = new Snapshot(s.tools, s.resources, s.templates.without(uriTemplate), s.prompts,
          s.promptCompletions, s.resourceCompletions);
      changed.add(ListKind.RESOURCES);
      return true;
    }

    public void addPrompt(Prompt prompt, PromptHandler handler) {
      Objects.requireNonNull(handler, "handler");
      Snapshot s = snapshot;
      snapshot = new Snapshot(s.tools, s.resources, s.templates,
          s.prompts.with(prompt.name(), new PromptEntry(prompt, handler), nextNumber++), s.promptCompletions,
          s.resourceCompletions);
      changed.add(ListKind.PROMPTS);
    }

    public boolean removePrompt(String name) {
      Snapshot s = snapshot;
      if (!s.prompts.contains(name)) {
        return false;
      }
      snapshot = new Snapshot(s.tools, s.resources, s.templates, s.prompts.without(name), s.promptCompletions,
          s.resourceCompletions);
      changed.add(ListKind.PROMPTS);
      return true;
    }

    public void addPromptCompletion(String promptName, CompletionHandler handler) {
      Snapshot s = snapshot;
      snapshot = new Snapshot(s.tools, s.resources, s.templates, s.prompts,
          s.promptCompletions.with(promptName, Objects.requireNonNull(handler, "handler"), nextNumber++),
          s.resourceCompletions);
    }

    public void addResourceCompletion(String uriTemplate, CompletionHandler handler) {
      Snapshot s = snapshot;
      snapshot = new Snapshot(s.tools, s.resources, s.templates, s.prompts, s.promptCompletions,
          s.resourceCompletions.with(uriTemplate, Objects.requireNonNull(handler, "handler"), nextNumber++));
    }
  }
}
