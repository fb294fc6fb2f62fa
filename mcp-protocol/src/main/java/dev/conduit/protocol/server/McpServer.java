package dev.conduit.protocol.server;

import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.internal.Threads;
import dev.conduit.protocol.schema.CacheScope;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.ServerCapabilities;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.internal.Registry;
import dev.conduit.protocol.server.internal.ServerState;
import dev.conduit.protocol.transport.McpTransport;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An MCP server: tools, resources, resource templates, prompts and completions, served over any number of
 * connections, to clients of every protocol revision from 2024-11-05 to 2026-07-28.
 *
 * <pre>{@code
 * McpServer server = McpServer.builder()
 *     .info("weather", "1.0.0")
 *     .tool(Tool.named("get_weather").description("Current weather").inputSchema(schema),
 *           (args, ctx) -> CallToolResult.text(forecast(args.requireString("city"))))
 *     .build();
 * server.connect(transport);   // once per connection; transports in mcp-transport do this for you
 * }</pre>
 *
 * <p>Capabilities follow from what is registered. Features can be added and removed while the server runs; clients
 * that listen for list changes are told. Thread-safe.
 */
public final class McpServer implements AutoCloseable {

  private final ServerState state;

  private McpServer(ServerState state) {
    this.state = state;
  }

  /** Starts configuring a server. */
  public static Builder builder() {
    return new Builder();
  }

  /** The server's name and version, as clients see them. */
  public Implementation info() {
    return state.info();
  }

  /** The capabilities the server declares. */
  public ServerCapabilities capabilities() {
    return state.capabilities();
  }

  /** The protocol revisions the server speaks (see {@link Builder#protocolVersions}). */
  public Set<ProtocolVersion> protocolVersions() {
    return state.config().versions();
  }

  /**
   * Serves one connection, from now until it closes. Returns at once.
   *
   * @throws IllegalStateException if the server is closed
   */
  public ServerSession connect(McpTransport transport) {
    return state.connect(Objects.requireNonNull(transport, "transport"));
  }

  /**
   * Serves a connection whose requests come without an {@code initialize} handshake, as in stateless Streamable
   * HTTP, where each request may arrive on a connection of its own. Legacy requests are served as protocol {@code
   * version} from a client that declared no capabilities; modern requests describe themselves as always. A legacy
   * client's {@code initialize} is still answered, and the version and capabilities it negotiates apply from then on.
   *
   * @throws IllegalArgumentException if {@code version} is a modern version, or one the server does not speak
   */
  public ServerSession connectStateless(McpTransport transport, ProtocolVersion version) {
    return state.connectStateless(Objects.requireNonNull(transport, "transport"), version);
  }

  /** Every connection being served. */
  public List<ServerSession> sessions() {
    return state.sessions();
  }

  /** Adds (or replaces) a tool, and tells listening clients that the tool list changed. */
  public void addTool(Tool tool, ToolHandler handler) {
    update(changes -> changes.addTool(tool, handler));
  }

  /** Removes a tool; tells listening clients if there was one. */
  public boolean removeTool(String name) {
    return updateOne(editor -> editor.removeTool(name));
  }

  /** Adds (or replaces) a resource, and tells listening clients that the resource list changed. */
  public void addResource(Resource resource, ResourceHandler handler) {
    update(changes -> changes.addResource(resource, handler));
  }

  /** Removes a resource; tells listening clients if there was one. */
  public boolean removeResource(String uri) {
    return updateOne(editor -> editor.removeResource(uri));
  }

  /** Adds (or replaces) a resource template, and tells listening clients that the resource list changed. */
  public void addResourceTemplate(ResourceTemplate template, ResourceTemplateHandler handler) {
    update(changes -> changes.addResourceTemplate(template, handler));
  }

  /** Removes the resource template {@code uriTemplate}; tells listening clients if there was one. */
  public boolean removeResourceTemplate(String uriTemplate) {
    return updateOne(editor -> editor.removeTemplate(uriTemplate));
  }

  /** Adds (or replaces) a prompt, and tells listening clients that the prompt list changed. */
  public void addPrompt(Prompt prompt, PromptHandler handler) {
    update(changes -> changes.addPrompt(prompt, handler));
  }

  /** Removes a prompt; tells listening clients if there was one. */
  public boolean removePrompt(String name) {
    return updateOne(editor -> editor.removePrompt(name));
  }

  /**
   * Changes several features at once. A request sees either none of the changes or all of them, and each list that
   * changed is announced once, however many of its items changed.
   *
   * <pre>{@code
   * server.update(changes -> changes.removeTool("search_v1").addTool(searchV2, handler));
   * }</pre>
   *
   * @throws IllegalArgumentException if a change is invalid (a tool schema that does not compile, say); then none
   *     of them applies
   */
  public void update(Consumer<Changes> changes) {
    Objects.requireNonNull(changes, "changes");
    state.update(editor -> changes.accept(new Changes(editor)));
  }

  private boolean updateOne(Predicate<Registry.Editor> change) {
    boolean[] changed = new boolean[1];
    state.update(editor -> changed[0] = change.test(editor));
    return changed[0];
  }

  /**
   * Tells every connection that a list changed, for lists the server does not keep itself (a {@link
   * RequestHandler} serves them).
   */
  public void notifyListChanged(ListKind kind) {
    state.listChanged(Objects.requireNonNull(kind, "kind"));
  }

  /** Tells the clients subscribed to {@code uri} that the resource changed. */
  public void notifyResourceUpdated(String uri) {
    state.resourceUpdated(Objects.requireNonNull(uri, "uri"));
  }

  /**
   * Whether {@link #close()} was called. A transport asked to close a connection may read it to tell the peer why: the
   * server is going away, rather than this one connection ending.
   */
  public boolean isClosed() {
    return state.isClosed();
  }

  /** A batch of changes to a server's features; see {@link #update}. Each method returns this batch. */
  public static final class Changes {
    private final Registry.Editor editor;

    private Changes(Registry.Editor editor) {
      this.editor = editor;
    }

    /**
     * Adds or replaces a tool.
     *
     * @throws IllegalArgumentException if the tool's input or output schema is not a usable JSON Schema
     */
    public Changes addTool(Tool tool, ToolHandler handler) {
      editor.addTool(tool, handler);
      return this;
    }

    /** Removes a tool, if there is one. */
    public Changes removeTool(String name) {
      editor.removeTool(name);
      return this;
    }

    /** Adds or replaces a resource. */
    public Changes addResource(Resource resource, ResourceHandler handler) {
      editor.addResource(resource, handler);
      return this;
    }

    /** Removes a resource, if there is one. */
    public Changes removeResource(String uri) {
      editor.removeResource(uri);
      return this;
    }

    /**
     * Adds or replaces a resource template.
     *
     * @throws IllegalArgumentException if the URI template is malformed
     */
    public Changes addResourceTemplate(ResourceTemplate template, ResourceTemplateHandler handler) {
      editor.addTemplate(template, handler);
      return this;
    }

    /** Removes a resource template, if there is one. */
    public Changes removeResourceTemplate(String uriTemplate) {
      editor.removeTemplate(uriTemplate);
      return this;
    }

    /** Adds or replaces a prompt. */
    public Changes addPrompt(Prompt prompt, PromptHandler handler) {
      editor.addPrompt(prompt, handler);
      return this;
    }

    /** Removes a prompt, if there is one. */
    public Changes removePrompt(String name) {
      editor.removePrompt(name);
      return this;
    }
  }

  /** Ends every connection; {@code subscriptions/listen} streams get their closing result first. */
  @Override
  public void close() {
    state.close();
  }

  /** Configures an {@link McpServer}. */
  public static final class Builder {
    private Implementation info = Implementation.of("conduit-server", "0.0.0");
    private @Nullable String instructions;
    private final List<McpInterceptor> interceptors = new ArrayList<>();
    private final Registry registry = new Registry();
    private @Nullable ServerCapabilities capabilities;
    private Executor executor = Threads.handlers();
    private int pageSize = 100;
    private Duration clientRequestTimeout = Duration.ofMinutes(5);
    private byte @Nullable [] requestStateKey;
    private Duration requestStateTtl = Duration.ofMinutes(15);
    private long cacheTtlMillis;
    private CacheScope cacheScope = CacheScope.PRIVATE;
    private boolean validateToolInput = true;
    private Set<ProtocolVersion> versions = EnumSet.allOf(ProtocolVersion.class);
    private final Map<String, RequestHandler> handlers = new LinkedHashMap<>();
    private @Nullable RequestHandler fallback;
    private final List<SessionListener> listeners = new ArrayList<>();

    private Builder() {}

    /** The server's name and version. */
    public Builder info(String name, String version) {
      return info(Implementation.of(name, version));
    }

    /** The server's implementation description (name, version, title, icons...). */
    public Builder info(Implementation info) {
      this.info = Objects.requireNonNull(info, "info");
      return this;
    }

    /** Guidance for the model on how to use this server. */
    public Builder instructions(@Nullable String instructions) {
      this.instructions = instructions;
      return this;
    }

    /**
     * A tool and what runs it.
     *
     * @throws IllegalArgumentException if the tool's input or output schema is not a usable JSON Schema
     */
    public Builder tool(Tool tool, ToolHandler handler) {
      registry.update(editor -> editor.addTool(tool, handler));
      return this;
    }

    /** A tool, from its builder, and what runs it. */
    public Builder tool(Tool.Builder tool, ToolHandler handler) {
      return tool(tool.build(), handler);
    }

    /** A resource and what reads it. */
    public Builder resource(Resource resource, ResourceHandler handler) {
      registry.update(editor -> editor.addResource(resource, handler));
      return this;
    }

    /**
     * A resource template and what reads the resources it describes.
     *
     * @throws IllegalArgumentException if the URI template is malformed
     */
    public Builder resourceTemplate(ResourceTemplate template, ResourceTemplateHandler handler) {
      registry.update(editor -> editor.addTemplate(template, handler));
      return this;
    }

    /** A prompt and what renders it. */
    public Builder prompt(Prompt prompt, PromptHandler handler) {
      registry.update(editor -> editor.addPrompt(prompt, handler));
      return this;
    }

    /** Completions for the arguments of prompt {@code promptName}. */
    public Builder promptCompletion(String promptName, CompletionHandler handler) {
      registry.update(editor -> editor.addPromptCompletion(promptName, handler));
      return this;
    }

    /** Completions for the variables of resource template {@code uriTemplate}. */
    public Builder resourceCompletion(String uriTemplate, CompletionHandler handler) {
      registry.update(editor -> editor.addResourceCompletion(uriTemplate, handler));
      return this;
    }

    /**
     * Serves {@code method} with {@code handler} instead of the server's own features: raw parameters in, an
     * asynchronous raw result out (see {@link RequestHandler}). Any method can be served this way ({@code tools/call},
     * {@code resources/read}, {@code ping}, a method of an extension) except those the engine serves itself: {@code
     * initialize}, {@code logging/setLevel}, {@code server/discover}, {@code subscriptions/listen}, {@code
     * resources/subscribe} and {@code resources/unsubscribe} (a {@link SessionListener} hears about the
     * subscriptions and log levels). Without a handler the engine answers {@code ping} itself.
     *
     * @throws IllegalArgumentException for a method the engine serves itself
     */
    public Builder requestHandler(String method, RequestHandler handler) {
      Objects.requireNonNull(method, "method");
      if (ServerState.Config.ENGINE_METHODS.contains(method)) {
        throw new IllegalArgumentException("The server serves " + method + " itself; it cannot have a handler");
      }
      handlers.put(method, Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /**
     * Serves every method that neither the engine nor the server's features know, and that has no {@link
     * #requestHandler} of its own (a proxy forwards them). Without one, such a method is answered {@code -32601}.
     */
    public Builder fallbackHandler(RequestHandler handler) {
      this.fallback = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** Told when connections open and close, subscribe to resources, and change their roots. */
    public Builder sessionListener(SessionListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** An interceptor for every request the server receives; interceptors run in the order added. */
    public Builder interceptor(McpInterceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /**
     * Declares these capabilities instead of deriving them from what is registered: for a server that starts before
     * its features are known (a gateway whose upstreams have not answered yet), or whose lists a {@link
     * RequestHandler} serves. {@code subscriptions/listen} streams honour what is declared here.
     */
    public Builder capabilities(ServerCapabilities capabilities) {
      this.capabilities = capabilities;
      return this;
    }

    /** Where handlers run; by default virtual threads on Java 21+, a bounded pool otherwise. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** How many items a list request returns per page (default 100). */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * How long a handler waits for the client to answer a request made on a legacy connection (elicitation waits
     * for a person; default 5 minutes).
     */
    public Builder clientRequestTimeout(Duration timeout) {
      this.clientRequestTimeout = positive(timeout, "clientRequestTimeout");
      return this;
    }

    /**
     * The key that signs {@code requestState} in modern {@code input_required} results, so that clients cannot
     * tamper with it. Servers behind one load balancer must share it; by default each server draws a random one.
     */
    public Builder requestStateKey(byte[] key) {
      if (key.length < 32) {
        throw new IllegalArgumentException("requestStateKey needs at least 32 bytes");
      }
      this.requestStateKey = key.clone();
      return this;
    }

    /** How long a {@code requestState} stays valid (default 15 minutes). */
    public Builder requestStateTtl(Duration ttl) {
      this.requestStateTtl = positive(ttl, "requestStateTtl");
      return this;
    }

    /**
     * The caching hint on modern list and read results: how long a client may reuse them, and whether caches may be
     * shared across users. Default: immediately stale, private.
     */
    public Builder cacheHint(Duration ttl, CacheScope scope) {
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("ttl must not be negative");
      }
      this.cacheTtlMillis = ttl.toMillis();
      this.cacheScope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /** Whether tool arguments are checked against the tool's input schema (default true). */
    public Builder validateToolInput(boolean validate) {
      this.validateToolInput = validate;
      return this;
    }

    /**
     * The protocol versions the server speaks (default: all, 2024-11-05 to 2026-07-28). Leave out 2026-07-28 for a
     * legacy-only server, or every legacy version for a modern-only one.
     */
    public Builder protocolVersions(ProtocolVersion... versions) {
      if (versions.length == 0) {
        throw new IllegalArgumentException("at least one protocol version is needed");
      }
      this.versions = EnumSet.copyOf(List.of(versions));
      return this;
    }

    public McpServer build() {
      byte[] key = requestStateKey;
      if (key == null) {
        key = new byte[32];
        new SecureRandom().nextBytes(key);
      }
      ServerState.Config config =
          new ServerState.Config(
              info, instructions, List.copyOf(interceptors), capabilities, executor, pageSize,
              clientRequestTimeout, key, requestStateTtl, cacheTtlMillis, cacheScope, validateToolInput,
              Set.copyOf(versions), Map.copyOf(handlers), fallback, List.copyOf(listeners));
      return new McpServer(new ServerState(config, registry));
    }

    private static Duration positive(Duration duration, String name) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
    }
  }
}
