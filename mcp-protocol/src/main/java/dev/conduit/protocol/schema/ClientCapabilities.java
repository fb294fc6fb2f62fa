package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a client can do: sent in {@code initialize} (legacy) or in every request's {@code _meta} (2026-07-28).
 *
 * <p>A capability is declared by being present; {@code {}} is a full declaration. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * ClientCapabilities caps = ClientCapabilities.builder().sampling().elicitation(true, true).roots(true).build();
 * }</pre>
 *
 * @param experimental non-standard capabilities, by name
 * @param roots present if the client can list roots
 * @param sampling present if the client can sample an LLM for the server
 * @param elicitation present if the client can ask the user for input (2025-06-18)
 * @param tasks which requests the client can run as tasks (2025-11-25; an extension in 2026-07-28). Kept as JSON:
 *     the tasks feature is experimental and its shape is still changing
 * @param extensions the extensions the client supports, by identifier, with their settings (2026-07-28)
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ClientCapabilities(
    @Nullable Map<String, JsonNode> experimental,
    @Nullable Roots roots,
    @Nullable Sampling sampling,
    @Nullable Elicitation elicitation,
    @Nullable JsonNode tasks,
    @Nullable Map<String, JsonNode> extensions,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  private static final ClientCapabilities NONE = new ClientCapabilities(null, null, null, null, null, null, Map.of());

  public ClientCapabilities {
    experimental = Checks.optionalMap(experimental);
    extensions = Checks.optionalMap(extensions);
    additionalFields = Checks.additional(additionalFields);
  }

  /** No capabilities at all: {@code {}}. */
  public static ClientCapabilities none() {
    return NONE;
  }

  /** Starts an empty set of capabilities. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the client can list roots. */
  public boolean hasRoots() {
    return roots != null;
  }

  /** Whether the client notifies changes of its roots. */
  public boolean notifiesRootsChanges() {
    return roots != null && Boolean.TRUE.equals(roots.listChanged());
  }

  /** Whether the client can sample an LLM. */
  public boolean hasSampling() {
    return sampling != null;
  }

  /** Whether the client lets sampling requests offer tools to the model (2025-11-25). */
  public boolean supportsSamplingTools() {
    return sampling != null && present(sampling.tools());
  }

  /** Whether the client honours {@code includeContext} values other than {@code "none"}. */
  public boolean supportsSamplingContext() {
    return sampling != null && present(sampling.context());
  }

  /** Whether the client can ask the user for input in any mode. */
  public boolean hasElicitation() {
    return elicitation != null;
  }

  /** Whether the client supports form-mode elicitation: declared, or implied by an empty {@code elicitation}. */
  public boolean supportsFormElicitation() {
    return elicitation != null && (present(elicitation.form()) || !present(elicitation.url()));
  }

  /** Whether the client supports URL-mode elicitation (2025-11-25). */
  public boolean supportsUrlElicitation() {
    return elicitation != null && present(elicitation.url());
  }

  /** Whether the client declared any task support. */
  public boolean hasTasks() {
    return present(tasks);
  }

  /** Whether the client declared the extension {@code id}. */
  public boolean hasExtension(String id) {
    return extensions != null && extensions.containsKey(id);
  }

  private static boolean present(@Nullable JsonNode node) {
    return node != null && !node.isNull();
  }

  /**
   * The {@code roots} capability.
   *
   * @param listChanged whether the client sends {@code notifications/roots/list_changed} (gone in 2026-07-28)
   * @param additionalFields fields this library does not know, kept as they arrived
   */
  public record Roots(
      @Nullable Boolean listChanged, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {
    public Roots {
      additionalFields = Checks.additional(additionalFields);
    }
  }

  /**
   * The {@code sampling} capability.
   *
   * @param context present if the client honours {@code includeContext} (2025-11-25)
   * @param tools present if sampling requests may offer tools (2025-11-25)
   * @param additionalFields fields this library does not know, kept as they arrived
   */
  public record Sampling(
      @Nullable JsonNode context,
      @Nullable JsonNode tools,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {
    public Sampling {
      additionalFields = Checks.additional(additionalFields);
    }
  }

  /**
   * The {@code elicitation} capability (2025-06-18). An empty object means form mode only.
   *
   * @param form present if the client supports form mode (2025-11-25)
   * @param url present if the client supports URL mode (2025-11-25)
   * @param additionalFields fields this library does not know, kept as they arrived
   */
  public record Elicitation(
      @Nullable JsonNode form,
      @Nullable JsonNode url,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {
    public Elicitation {
      additionalFields = Checks.additional(additionalFields);
    }
  }

  /** Builds {@link ClientCapabilities}. */
  public static final class Builder {
    private @Nullable Map<String, JsonNode> experimental;
    private @Nullable Roots roots;
    private @Nullable Sampling sampling;
    private @Nullable Elicitation elicitation;
    private @Nullable JsonNode tasks;
    private @Nullable Map<String, JsonNode> extensions;

    private Builder() {}

    /** Declares roots, with no change notifications: {@code "roots": {}}. */
    public Builder roots() {
      this.roots = new Roots(null, Map.of());
      return this;
    }

    /** Declares roots, saying whether their changes are notified. */
    public Builder roots(boolean listChanged) {
      this.roots = new Roots(listChanged, Map.of());
      return this;
    }

    /** Declares sampling: {@code "sampling": {}}. */
    public Builder sampling() {
      this.sampling = new Sampling(null, null, Map.of());
      return this;
    }

    /** Declares sampling, with context inclusion and tool use as given (2025-11-25). */
    public Builder sampling(boolean context, boolean tools) {
      this.sampling = new Sampling(context ? emptyObject() : null, tools ? emptyObject() : null, Map.of());
      return this;
    }

    /** Declares elicitation in form mode only, the 2025-06-18 way: {@code "elicitation": {}}. */
    public Builder elicitation() {
      this.elicitation = new Elicitation(null, null, Map.of());
      return this;
    }

    /** Declares elicitation in the modes given (2025-11-25). */
    public Builder elicitation(boolean form, boolean url) {
      this.elicitation = new Elicitation(form ? emptyObject() : null, url ? emptyObject() : null, Map.of());
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
    public ClientCapabilities build() {
      return new ClientCapabilities(experimental, roots, sampling, elicitation, tasks, extensions, Map.of());
    }

    private static Map<String, JsonNode> put(@Nullable Map<String, JsonNode> map, String key, JsonNode value) {
      Map<String, JsonNode> copy = map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
      copy.put(Checks.required(key, "name"), Checks.required(value, "settings"));
      return copy;
    }

    private static JsonNode emptyObject() {
      return Json.MAPPER.createObjectNode();
    }
  }
}
