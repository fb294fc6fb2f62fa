package dev.conduit.transport.bridge;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.McpAsyncClient;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.bridge.internal.BridgeCore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Serves one upstream MCP server to downstream clients: an {@link McpServer} whose every request is forwarded to the
 * upstream, to be served over any front door, across transports and protocol eras.
 *
 * <pre>{@code
 * // A remote Streamable HTTP server as a local stdio server, as a desktop host wants it:
 * try (McpBridge bridge = McpBridge.start(Upstream.streamableHttp("https://mcp.example.com/mcp", Map.of()))) {
 *   StdioServer.serve(bridge.server());
 * }
 * // A stdio server as a Streamable HTTP endpoint:
 * McpBridge bridge = McpBridge.start(Upstream.stdio(List.of("npx", "-y", "@modelcontextprotocol/server-everything")));
 * StreamableHttpServer.builder(bridge.server()).port(8080).start();
 * }</pre>
 *
 * <p>Everything crosses in both directions: requests and results (copied as bytes, never bound), errors with their
 * codes and data, progress, cancellation (a cancelled downstream request is cancelled upstream), log messages with the
 * upstream's logger names, list changes, resource subscriptions and updates, and the upstream's requests for input
 * (elicitation, sampling, roots), which go to the downstream client of the call they belong to. The eras on the two
 * sides need not match: a 2026-07-28 client's call to a legacy upstream is held open across its input rounds, so the
 * upstream call is never made twice, and a legacy client gets real requests for what a 2026-07-28 upstream asks in
 * {@code input_required} results. The upstream is asked for 2026-07-28 first, with a fall back to the legacy
 * handshake, and the answer is remembered.
 *
 * <p>A failure on the upstream side (a closed pipe, an unreachable host, a process that died) fails the downstream
 * call at once with {@code -32011 Upstream server unavailable}, never a host name or a stack trace; the downstream
 * session goes on. A restarted upstream ({@link Upstream#stdio}) serves the next call.
 */
public final class McpBridge implements AutoCloseable {

  private final Upstream upstream;
  private final BridgeCore core;
  private final McpServer server;
  private final McpAsyncClient probe;

  private McpBridge(Upstream upstream, BridgeCore core, McpServer server, McpAsyncClient probe) {
    this.upstream = upstream;
    this.core = core;
    this.server = server;
    this.probe = probe;
  }

  /**
   * Connects to {@code upstream} and returns a bridge that serves it.
   *
   * @throws McpException if the upstream cannot be reached or does not speak MCP
   */
  public static McpBridge start(Upstream upstream) {
    return builder(upstream).start();
  }

  /** Starts configuring a bridge to {@code upstream}. */
  public static Builder builder(Upstream upstream) {
    return new Builder(upstream);
  }

  /** The server to serve downstream: hand it to a front door ({@code StdioServer}, {@code StreamableHttpServer}). */
  public McpServer server() {
    return server;
  }

  /** The upstream this bridge serves. */
  public Upstream upstream() {
    return upstream;
  }

  /** Whether the upstream spoke 2026-07-28 when the bridge connected. */
  public boolean isUpstreamModern() {
    return probe.isModern();
  }

  /** The upstream server's implementation, as it said when the bridge connected. */
  public @Nullable Implementation upstreamInfo() {
    return probe.serverInfo();
  }

  /** Whether the bridge's shared connection to the upstream is up now (a restarted process is down a moment). */
  public boolean isUpstreamConnected() {
    return core.isConnected();
  }

  /** Ends every downstream connection and every upstream one. */
  @Override
  public void close() {
    server.close();
    core.close();
    upstream.release();
  }

  /** Configures an {@link McpBridge}. */
  public static final class Builder {
    private final Upstream upstream;
    private @Nullable Implementation info;
    private Implementation clientInfo = Implementation.of("conduit-bridge", "0.1.0");
    private Duration requestTimeout = Duration.ofMinutes(5);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private final List<Consumer<McpServer.Builder>> customizers = new ArrayList<>();

    private Builder(Upstream upstream) {
      this.upstream = Objects.requireNonNull(upstream, "upstream");
    }

    /** The implementation the bridge presents downstream; by default the upstream's own. */
    public Builder info(Implementation info) {
      this.info = Objects.requireNonNull(info, "info");
      return this;
    }

    /** The client the bridge presents upstream on its shared connection (default {@code conduit-bridge}). */
    public Builder clientInfo(Implementation clientInfo) {
      this.clientInfo = Objects.requireNonNull(clientInfo, "clientInfo");
      return this;
    }

    /**
     * How long a forwarded call may wait for the upstream's answer (default 5 minutes; progress extends it). The
     * downstream client's own timeout, which cancels the call, is usually shorter.
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** How long a call waits for a connection to the upstream, such as one being restarted (default 10 seconds). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Configures the downstream server further: interceptors (metrics, rate limits, authorization), page size, the
     * request-state key shared by replicas. Its info, capabilities and handlers are the bridge's.
     */
    public Builder server(Consumer<McpServer.Builder> customizer) {
      customizers.add(Objects.requireNonNull(customizer, "customizer"));
      return this;
    }

    /**
     * Connects to the upstream and builds the bridge.
     *
     * @throws McpException if the upstream cannot be reached or does not speak MCP
     */
    public McpBridge start() {
      BridgeCore core = new BridgeCore(upstream, new BridgeCore.Settings(clientInfo, requestTimeout, connectTimeout));
      McpAsyncClient probe;
      try {
        probe = connect(core.start());
      } catch (McpException e) {
        core.close();
        upstream.release();
        throw e;
      }
      McpServer.Builder builder = McpServer.builder()
          .info(info != null ? info : probe.serverInfo() != null ? probe.serverInfo() : Implementation.of(
              "conduit-bridge", "0.1.0"))
          .instructions(probe.instructions())
          .capabilities(probe.serverCapabilities())
          .sessionListener(core)
          .fallbackHandler(core);
      for (String method : List.of("ping", "tools/list", "tools/call", "resources/list", "resources/templates/list",
          "resources/read", "prompts/list", "prompts/get", "completion/complete")) {
        builder.requestHandler(method, core);
      }
      customizers.forEach(customizer -> customizer.accept(builder));
      McpServer server = builder.build();
      core.serve(server);
      return new McpBridge(upstream, core, server, probe);
    }

    private McpAsyncClient connect(CompletableFuture<McpAsyncClient> connecting) {
      try {
        return connecting.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new McpException(ErrorCodes.UPSTREAM_UNAVAILABLE, "Interrupted while connecting to upstream "
            + upstream.name(), null, e);
      } catch (TimeoutException | CancellationException e) {
        throw new McpException(ErrorCodes.UPSTREAM_UNAVAILABLE, "Upstream " + upstream.name()
            + " did not answer within " + connectTimeout.toMillis() + " ms", null, e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw new McpException(ErrorCodes.UPSTREAM_UNAVAILABLE,
            "Cannot connect to upstream " + upstream.name() + ": " + cause.getMessage(), null, cause);
      }
    }

    private static Duration positive(Duration duration, String name) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
    }
  }
}
