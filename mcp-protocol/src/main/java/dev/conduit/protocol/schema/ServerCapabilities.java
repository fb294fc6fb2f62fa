package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a server can do: sent in the {@code initialize} result (legacy) or the {@code server/discover} result
 * (2026-07-28).
 *
 * <p>A capability is declared by being present; {@code {}} is a full declaration. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * ServerCapabilities caps =
 *     ServerCapabilities.builder().tools(true).resources(true, true).prompts(true).logging().completions().build();
 * }</pre>
 *
 * @param experimental non-standard capabilities, by name
 * @param logging present if the server sends log messages (deprecated in 2026-07-28)
 * @param completions present if the server completes arguments (2025-03-26)
 * @param prompts present if the server offers prompts
 * @param resources present if the server offers resources
 * @param tools present if the server offers tools
 * @param tasks which requests the server can run as tasks (2025-11-25; an extension in 2026-07-28). Kept as JSON:
 *     the tasks feature is experimental and its shape is still changing
 * @param extensions the extensions the server supports, by identifier, with their settings (2026-07-28)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ServerCapabilities(
    @Nullable Map<String, JsonNode> experimental,
    @Nullable JsonNode logging,
    @Nullable JsonNode completions,
    @Nullable Prompts prompts,
    @Nullable Resources resources,
    @Nullable Tools tools,
    @Nullable JsonNode tasks,
    @Nullable Map<String, JsonNode> extensions,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ServerCapabilities {
    experimental = Checks.optionalMap(experimental);
    extensions = Checks.optionalMap(extensions);
    additionalFields = Checks.additional(additionalFields);
  }

  /** Starts an empty set of capabilities. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the server offers tools. */
  public boolean hasTools() {
    return tools != null;
  }

  /** Whether the server notifies changes of its tool list. */
  public boolean notifiesToolsChanges() {
    return tools != null && Boolean.TRUE.equals(tools.listChanged());
  }

  /** Whether the server offers prompts. */
  public boolean hasPrompts() {
    return prompts != null;
  }

  /** Whether the server notifies changes of its prompt list. */
  public boolean notifiesPromptsChanges() {
    return prompts != null && Boolean.TRUE.equals(prompts.listChanged());
  }

  /** Whether the server offers resources. */
  public boolean hasResources() {
    return resources != null;
  }

  /** Whether the server notifies changes of its resource list. */
  public boolean notifiesResourcesChanges() {
    return resources != null && Boolean.TRUE.equals(resources.listChanged());
  }

  /** Whether clients can subscribe to updates of single resources. */
  public boolean supportsResourceSubscriptions() {
    return resources != null && Boolean.TRUE.equals(resources.subscribe());
  }

  /** Whether the server sends log messages. */
  public boolean hasLogging() {
    return present(logging);
  }

  /** Whether the server completes arguments. */
  public boolean hasCompletions() {
    return present(completions);
  }

  /** Whether the server declared any task support. */
  public boolean hasTasks() {
    return present(tasks);
  }

  /** Whether the server declared the extension {@code id}. */
  public boolean hasExtension(String id) {
    return extensions != null && extensions.containsKey(id);
  }

  private static boolean present(@Nullable JsonNode node) {
    return node != null && !node.isNull();
  }

  /**
   * The {@code prompts} capability.
   *
   * @param listChanged whether the server sends {@code notifications/prompts/list_changed}
   * @param additionalFields fields this library does not know, kept as they arrived
   */
  public record Prompts(
      @Nullable Boolean listChanged, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {
    public Prompts {
      additionalFields = Checks.additional(additionalFields);
    }
  }

  /**
   * The {@code resources} capability.
   *
   * @param subscribe whether clients can subscribe to updates of single resources
   * @param listChanged whether the server sends {@code notifications/resources/list_changed}
   * @param additionalFields fields this library does not know, kept as they arrived
   */
  public record Resources(
      @Nullable Boolean subscribe,
      @Nullable Boolean listChanged,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {
    public Resources {
      additionalFields = Checks.additional(additionalFields);
    }
  }

  /**
   * The {@code tools} capability.
   *
   * @param listChanged whether the server sends {@code notifications/tools/list_changed}
   * @param additionalFields fields this library does not know, kept as they arrived
   */
  public record Tools(
      @Nullable Boolean listChanged, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {
    public Tools {
      additionalFields = Checks.additional(additionalFields);
    }
  }

  /** Builds {@link ServerCapabilities}. */
  public static final class Builder {
    private @Nullable Map<String, JsonNode> experimental;
    private @Nullable JsonNode logging;
    private @Nullable JsonNode completions;
    private @Nullable Prompts prompts;
    private @Nullable Resources resources;
    private @Nullable Tools tools;
    private @Nullable JsonNode tasks;
    private @Nullable Map<String, JsonNode> extensions;

    private Builder() {}

    /** Declares tools: {@code "tools": {}}. */
    public Builder tools() {
      this.tools = new Tools(null, Map.of());
      return this;
    }

    /** Declares tools, saying whether changes of the list are notified. */
    public Builder tools(boolean listChanged) {
      this.tools = new Tools(listChanged, Map.of());
      return this;
    }

    /** Declares prompts: {@code "prompts": {}}. */
    public Builder prompts() {
      this.prompts = new Prompts(null, Map.of());
      return this;
    }

    /** Declares prompts, saying whether changes of the list are notified. */
    public Builder prompts(boolean listChanged) {
      this.prompts = new Prompts(listChanged, Map.of());
      return this;
    }

    /** Declares resources: {@code "resources": {}}. */
    public Builder resources() {
      this.resources = new Resources(null, null, Map.of());
      return this;
    }

    /** Declares resources, saying whether single resources can be subscribed to and list changes are notified. */
    public Builder resources(boolean subscribe, boolean listChanged) {
      this.resources = new Resources(subscribe, listChanged, Map.of());
      return this;
    }

    /** Declares logging: {@code "logging": {}}. */
    public Builder logging() {
      this.logging = Json.MAPPER.createObjectNode();
      return this;
    }

    /** Declares argument completion: {@code "completions": {}}. */
    public Builder completions() {
      this.completions = Json.MAPPER.createObjectNode();
      return this;
    }

    /** Declares task support, as the tasks feature spells it. */
    public Builder tasks(@Nullable JsonNode tasks) {
      this.tasks = tasks;
      return this;
    }

    /** Declares the non-standard capability {@code name}. */
    public Builder experimental(String name, JsonNode settings) {
      this.experimental = put(experimental, name, settings);
      return this;
    }

    /** Declares the extension {@code id} (2026-07-28). */
    public Builder extension(String id, JsonNode settings) {
      this.extensions = put(extensions, id, settings);
      return this;
    }

    /** The capabilities declared so far. */
    public ServerCapabilities build() {
      return new ServerCapabilities(
          experimental, logging, completions, prompts, resources, tools, tasks, extensions, Map.of());
    }

    private static Map<String, JsonNode> put(@Nullable Map<String, JsonNode> map, String key, JsonNode value) {
      Map<String, JsonNode> copy = map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
      copy.put(Checks.required(key, "name"), Checks.required(value, "settings"));
      return copy;
    }
  }
}
