package dev.conduit.awx.tools;

import dev.conduit.awx.AwxClient;
import dev.conduit.awx.AwxException;
import dev.conduit.awx.env.AwxEnvironment;
import dev.conduit.awx.env.AwxEnvironments;
import dev.conduit.awx.tools.internal.Call;
import dev.conduit.awx.tools.internal.Catalog;
import dev.conduit.awx.tools.internal.Scope;
import dev.conduit.awx.tools.internal.ToolSpec;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.ToolException;
import dev.conduit.protocol.server.ToolHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWX tools, ready to register on an {@link McpServer}:
 *
 * <pre>{@code
 * AwxTools tools = AwxTools.builder()
 *     .environments(AwxEnvironments.load(configFile, System.getenv()))
 *     .toolsets("jobs", "inventories")
 *     .readOnly(false)
 *     .build();
 * McpServer server = tools.registerOn(McpServer.builder().info("awx", "1.0")).build();
 * }</pre>
 *
 * <p>Toolsets ({@link #TOOLSETS}): {@code environments}, {@code system}, {@code jobs} (job templates and jobs),
 * {@code inventories} (inventories, hosts, groups, sources), {@code projects}, {@code workflows}, {@code schedules},
 * {@code ad_hoc}, {@code credentials}, {@code notifications}, {@code admin} (organizations, teams, users), {@code
 * activity} (activity stream, unified jobs). Enable only the ones an agent needs, to keep its tool list short.
 * Read-only mode leaves out every tool that changes AWX.
 *
 * <p>Each call goes to the environment the caller's {@code X-AWX-*} headers name (if allowlisted), else the
 * {@code environment} argument, else the session's current environment, else the default.
 */
public final class AwxTools {

  private static final Logger log = LoggerFactory.getLogger(AwxTools.class);

  /** Every toolset name, in catalogue order. */
  public static final List<String> TOOLSETS = Catalog.TOOLSETS;

  private final AwxEnvironments environments;
  private final Scope scope;
  private final List<ToolSpec> specs;
  private final Duration pollInterval;
  private final boolean readOnly;

  private AwxTools(Builder builder) {
    this.environments = Objects.requireNonNull(builder.environments, "environments");
    this.scope = new Scope(environments);
    this.pollInterval = builder.pollInterval;
    this.readOnly = builder.readOnly;
    List<ToolSpec> chosen = new ArrayList<>();
    for (ToolSpec spec : Catalog.all(scope)) {
      if (builder.toolsets.contains(spec.toolset()) && !(builder.readOnly && spec.kind().mutatesAwx())) {
        chosen.add(spec);
      }
    }
    this.specs = List.copyOf(chosen);
  }

  /** Starts a configuration with every toolset enabled and writes allowed. */
  public static Builder builder() {
    return new Builder();
  }

  /** The tools this configuration offers. */
  public List<Tool> tools() {
    return specs.stream().map(ToolSpec::tool).toList();
  }

  /** Adds the tools to {@code server} and returns it. */
  public McpServer.Builder registerOn(McpServer.Builder server) {
    specs.forEach(spec -> server.tool(spec.tool(), handler(spec)));
    return server;
  }

  /** Adds the tools to a running {@code server}. */
  public void registerOn(McpServer server) {
    specs.forEach(spec -> server.addTool(spec.tool(), handler(spec)));
  }

  private ToolHandler handler(ToolSpec spec) {
    return (args, context) -> {
      try {
        AwxEnvironment environment = scope.resolve(args, context);
        AwxClient client = environments.client(environment);
        return spec.handler().handle(new Call(args, context, environment, client, pollInterval, !readOnly));
      } catch (AwxException e) {
        log.info("Tool {} failed: {}", spec.name(), e.getMessage());
        return CallToolResult.error(e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new ToolException(String.valueOf(e.getMessage()), e);
      }
    };
  }

  /** Configures {@link AwxTools}. */
  public static final class Builder {
    private @Nullable AwxEnvironments environments;
    private Set<String> toolsets = new LinkedHashSet<>(TOOLSETS);
    private boolean readOnly;
    private Duration pollInterval = Duration.ofSeconds(1);

    private Builder() {}

    /** The AWX environments (required). */
    public Builder environments(AwxEnvironments environments) {
      this.environments = Objects.requireNonNull(environments);
      return this;
    }

    /**
     * The toolsets to enable, by name (default: all).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public Builder toolsets(String... names) {
      Set<String> chosen = new LinkedHashSet<>();
      for (String name : names) {
        if (!TOOLSETS.contains(name)) {
          throw new IllegalArgumentException("Unknown AWX toolset '" + name + "'; known: " + TOOLSETS);
        }
        chosen.add(name);
      }
      this.toolsets = chosen;
      return this;
    }

    /** Whether to leave out every tool that changes AWX (default false). */
    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /** The first wait between two polls of a running job; it grows up to ten times that (default 1 s). */
    public Builder pollInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("The poll interval must be positive");
      }
      this.pollInterval = interval;
      return this;
    }

    /** Builds the tool set. */
    public AwxTools build() {
      return new AwxTools(this);
    }
  }
}
