package dev.conduit.protocol.client;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.internal.ClientCore;
import dev.conduit.protocol.client.internal.Futures;
import dev.conduit.protocol.client.internal.InputResolver;
import dev.conduit.protocol.client.internal.Notifications;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.internal.Threads;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.CompleteRequestParams;
import dev.conduit.protocol.schema.CompleteResult;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.schema.ListToolsResult;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.LoggingMessageNotificationParams;
import dev.conduit.protocol.schema.ProgressNotificationParams;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.Root;
import dev.conduit.protocol.schema.ServerCapabilities;
import dev.conduit.protocol.schema.SubscriptionFilter;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.transport.McpTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An MCP client with a blocking API, for servers of every protocol revision.
 *
 * <pre>{@code
 * try (McpClient client = McpClient.connect(transport)) {
 *   CallToolResult result = client.callTool("echo", Map.of("message", "hi"));
 * }
 * }</pre>
 *
 * <p>Each method waits for the server and throws an {@link McpException} for an error, a timeout or a closed
 * connection. {@link #async()} offers the same calls as {@code CompletableFuture}s. Thread-safe: many threads may call
 * at once, and their calls are in flight together.
 */
public final class McpClient implements AutoCloseable {

  private final McpAsyncClient async;

  private McpClient(McpAsyncClient async) {
    this.async = async;
  }

  /**
   * Connects over {@code transport} with the default settings (era detection, no sampling, elicitation or roots).
   *
   * @throws McpException if the server cannot be reached or rejects the client
   */
  public static McpClient connect(McpTransport transport) {
    return builder().transport(transport).connect();
  }

  /** Starts configuring a client. */
  public static Builder builder() {
    return new Builder();
  }

  /** The same client, with calls that return {@code CompletableFuture}s. */
  public McpAsyncClient async() {
    return async;
  }

  /** Whether the server speaks the modern, stateless era (2026-07-28). */
  public boolean isModern() {
    return async.isModern();
  }

  /** The protocol revision in use. */
  public ProtocolVersion protocolVersion() {
    return async.protocolVersion();
  }

  /** The server's implementation, if it said. */
  public @Nullable Implementation serverInfo() {
    return async.serverInfo();
  }

  /** What the server declared it can do. */
  public ServerCapabilities serverCapabilities() {
    return async.serverCapabilities();
  }

  /** The server's guidance for the model, if any. */
  public @Nullable String instructions() {
    return async.instructions();
  }

  /** Checks that the server answers. */
  public void ping() {
    Futures.call(async::ping);
  }

  /** One page of tools. */
  public ListToolsResult listTools(@Nullable String cursor) {
    return Futures.call(() -> async.listTools(cursor));
  }

  /** Every tool, following {@code nextCursor} across pages. */
  public List<Tool> listAllTools() {
    return Futures.call(async::listAllTools);
  }

  /** Calls tool {@code name} with {@code arguments}: a map, a record, a JSON node, or null for none. */
  public CallToolResult callTool(String name, @Nullable Object arguments) {
    return Futures.call(() -> async.callTool(name, arguments));
  }

  /** Calls a tool with per-call options (timeout, progress). */
  public CallToolResult callTool(String name, @Nullable Object arguments, RequestOptions options) {
    return Futures.call(() -> async.callTool(name, arguments, options));
  }

  /** Every resource. */
  public List<Resource> listAllResources() {
    return Futures.call(async::listAllResources);
  }

  /** Every resource template. */
  public List<ResourceTemplate> listAllResourceTemplates() {
    return Futures.call(async::listAllResourceTemplates);
  }

  /** Reads the resource at {@code uri}. */
  public ReadResourceResult readResource(String uri) {
    return Futures.call(() -> async.readResource(uri));
  }

  /** Subscribes to changes of the resource at {@code uri} (legacy servers). */
  public void subscribeResource(String uri) {
    Futures.call(() -> async.subscribeResource(uri));
  }

  /** Ends a resource subscription (legacy servers). */
  public void unsubscribeResource(String uri) {
    Futures.call(() -> async.unsubscribeResource(uri));
  }

  /** Opens a {@code subscriptions/listen} stream (modern servers). */
  public Subscription listen(SubscriptionFilter filter) {
    return async.listen(filter);
  }

  /** Every prompt. */
  public List<Prompt> listAllPrompts() {
    return Futures.call(async::listAllPrompts);
  }

  /** Renders prompt {@code name} with {@code arguments}. */
  public GetPromptResult getPrompt(String name, Map<String, String> arguments) {
    return Futures.call(() -> async.getPrompt(name, arguments));
  }

  /** Asks for completions of an argument. */
  public CompleteResult complete(CompleteRequestParams params) {
    return Futures.call(() -> async.complete(params));
  }

  /** Sets the lowest level of log messages the client wants. */
  public void setLoggingLevel(LoggingLevel level) {
    Futures.call(() -> async.setLoggingLevel(level));
  }

  /** Sends any request and returns its raw result. */
  public JsonPayload request(String method, @Nullable Object params, RequestOptions options) {
    return Futures.call(() -> async.request(method, params, options));
  }

  /** Closes the connection; calls in progress fail. */
  @Override
  public void close() {
    async.close();
  }

  /** Configures and connects an {@link McpClient}. */
  public static final class Builder {
    private @Nullable McpTransport transport;
    private Implementation info = Implementation.of("conduit-client", "0.0.0");
    private Era era = Era.AUTO;
    private ProtocolVersion legacyVersion = ProtocolVersion.latestLegacy();
    private Duration requestTimeout = Duration.ofSeconds(60);
    private @Nullable Duration maxTimeout = Duration.ofMinutes(10);
    private Duration discoveryTimeout = Duration.ofSeconds(10);
    private int maxInputRounds = 10;
    private int maxPages = 1000;
    private final List<McpInterceptor> interceptors = new ArrayList<>();
    private Executor executor = Threads.handlers();
    private @Nullable SamplingHandler sampling;
    private boolean samplingTools;
    private @Nullable ElicitationHandler elicitation;
    private boolean urlElicitation;
    private @Nullable Supplier<List<Root>> roots;
    private final List<Consumer<LoggingMessageNotificationParams>> onLog = new ArrayList<>();
    private final List<Consumer<ProgressNotificationParams>> onProgress = new ArrayList<>();
    private final List<Runnable> onToolsChanged = new ArrayList<>();
    private final List<Runnable> onResourcesChanged = new ArrayList<>();
    private final List<Runnable> onPromptsChanged = new ArrayList<>();
    private final List<Consumer<String>> onResourceUpdated = new ArrayList<>();
    private final List<Consumer<String>> onElicitationComplete = new ArrayList<>();
    private final List<Consumer<JsonRpcNotification>> onNotification = new ArrayList<>();
    private @Nullable ServerRequestHandler serverRequests;
    private @Nullable ClientCapabilities capabilities;
    private EraCache eraCache = EraCache.shared();

    private Builder() {}

    /** The connection to the server. */
    public Builder transport(McpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** The client's name and version. */
    public Builder info(String name, String version) {
      return info(Implementation.of(name, version));
    }

    /** The client's implementation description (a bridge passes on its own client's). */
    public Builder info(Implementation info) {
      this.info = Objects.requireNonNull(info, "info");
      return this;
    }

    /** Which era to speak; {@link Era#AUTO} (the default) asks the server. */
    public Builder era(Era era) {
      this.era = Objects.requireNonNull(era, "era");
      return this;
    }

    /**
     * Where {@link Era#AUTO} remembers which era each server spoke, so that the next client to that server does not
     * probe again ({@link EraCache#shared()} by default; {@link EraCache#none()} to probe every time).
     */
    public Builder eraCache(EraCache cache) {
      this.eraCache = Objects.requireNonNull(cache, "cache");
      return this;
    }

    /** The version a legacy {@code initialize} proposes (default 2025-11-25). */
    public Builder legacyVersion(ProtocolVersion version) {
      if (version.isModern()) {
        throw new IllegalArgumentException(version + " is not a legacy version");
      }
      this.legacyVersion = version;
      return this;
    }

    /** How long a call waits for its response by default (60 seconds). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * The longest a call that reports progress may wait in all: each progress notification restarts the wait, up to
     * this (default 10 minutes); {@code null} means progress never extends the wait.
     */
    public Builder maxTimeout(@Nullable Duration timeout) {
      this.maxTimeout = timeout;
      return this;
    }

    /** How long era detection waits for {@code server/discover} before falling back to {@code initialize}. */
    public Builder discoveryTimeout(Duration timeout) {
      this.discoveryTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** How many modern input rounds one call may take (default 10). */
    public Builder maxInputRounds(int rounds) {
      this.maxInputRounds = rounds;
      return this;
    }

    /** How many pages a list-all call follows before giving up (default 1000). */
    public Builder maxPages(int pages) {
      this.maxPages = pages;
      return this;
    }

    /** An interceptor for every call the client makes; interceptors run in the order added. */
    public Builder interceptor(McpInterceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /** Where the client runs its handlers (sampling, elicitation); virtual threads on Java 21+ by default. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Answers sampling requests, and declares the {@code sampling} capability. */
    public Builder sampling(SamplingHandler handler) {
      this.sampling = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** Declares that the sampling handler supports tools in sampling requests. */
    public Builder samplingWithTools() {
      this.samplingTools = true;
      return this;
    }

    /** Answers elicitation requests (form mode), and declares the {@code elicitation} capability. */
    public Builder elicitation(ElicitationHandler handler) {
      this.elicitation = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** Declares that the elicitation handler also handles URL-mode requests. */
    public Builder urlElicitation() {
      this.urlElicitation = true;
      return this;
    }

    /** Offers these roots, and declares the {@code roots} capability. */
    public Builder roots(List<Root> roots) {
      List<Root> copy = List.copyOf(roots);
      return roots(() -> copy);
    }

    /** Offers the roots {@code provider} returns at the time of each request. */
    public Builder roots(Supplier<List<Root>> provider) {
      this.roots = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Answers every request a server makes of the client (elicitation, sampling, roots), raw and asynchronously,
     * knowing which call each belongs to (see {@link ServerRequest#callTag()}); it takes the place of {@link
     * #sampling}, {@link #elicitation} and {@link #roots}. Declare what it can answer with {@link #capabilities}.
     */
    public Builder serverRequestHandler(ServerRequestHandler handler) {
      this.serverRequests = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Declares these capabilities instead of deriving them from the handlers given: for a {@link
     * #serverRequestHandler}, or a bridge that declares what its own client can do.
     */
    public Builder capabilities(ClientCapabilities capabilities) {
      this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
      return this;
    }

    /** Receives log messages. */
    public Builder onLog(Consumer<LoggingMessageNotificationParams> listener) {
      onLog.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Receives every progress notification. */
    public Builder onProgress(Consumer<ProgressNotificationParams> listener) {
      onProgress.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Told when the server's tool list changes. */
    public Builder onToolsListChanged(Runnable listener) {
      onToolsChanged.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Told when the server's resource list changes. */
    public Builder onResourcesListChanged(Runnable listener) {
      onResourcesChanged.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Told when the server's prompt list changes. */
    public Builder onPromptsListChanged(Runnable listener) {
      onPromptsChanged.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Told the URI of each subscribed resource that changes. */
    public Builder onResourceUpdated(Consumer<String> listener) {
      onResourceUpdated.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Told the id of each URL-mode elicitation the server reports complete. */
    public Builder onElicitationComplete(Consumer<String> listener) {
      onElicitationComplete.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Receives every notification from the server, raw, that no call took for itself (see {@link
     * RequestOptions#onNotification()}): for notifications the other listeners do not cover, or to pass them on.
     */
    public Builder onNotification(Consumer<JsonRpcNotification> listener) {
      onNotification.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Connects, waiting until the server is ready.
     *
     * @throws McpException if the server cannot be reached or rejects the client
     */
    public McpClient connect() {
      return new McpClient(Futures.await(connectAsync()));
    }

    /** Connects without waiting. */
    public CompletableFuture<McpAsyncClient> connectAsync() {
      if (transport == null) {
        throw new IllegalStateException("No transport");
      }
      ClientCapabilities declared = capabilities;
      if (declared == null) {
        ClientCapabilities.Builder derived = ClientCapabilities.builder();
        if (sampling != null) {
          derived.sampling(false, samplingTools);
        }
        if (elicitation != null) {
          derived.elicitation(true, urlElicitation);
        }
        if (roots != null) {
          derived.roots(true);
        }
        declared = derived.build();
      }
      ClientCore.Config config =
          new ClientCore.Config(info, declared, era, legacyVersion, requestTimeout, maxTimeout,
              discoveryTimeout, maxInputRounds, List.copyOf(interceptors), executor, serverRequests, eraCache);
      Notifications notifications =
          new Notifications(List.copyOf(onLog), List.copyOf(onProgress), List.copyOf(onToolsChanged),
              List.copyOf(onResourcesChanged), List.copyOf(onPromptsChanged), List.copyOf(onResourceUpdated),
              List.copyOf(onElicitationComplete), List.copyOf(onNotification));
      ClientCore core =
          new ClientCore(transport, config, new InputResolver(sampling, elicitation, roots), notifications);
      int pages = maxPages;
      return core.connect().thenApply(negotiated -> new McpAsyncClient(core, pages));
    }
  }
}
