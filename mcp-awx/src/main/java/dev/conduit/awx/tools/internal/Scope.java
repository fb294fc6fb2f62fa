package dev.conduit.awx.tools.internal;

import dev.conduit.awx.env.AwxEnvironment;
import dev.conduit.awx.env.AwxEnvironments;
import dev.conduit.awx.env.HeaderCredentials;
import dev.conduit.protocol.server.Arguments;
import dev.conduit.protocol.server.RequestContext;
import dev.conduit.protocol.server.ToolException;
import dev.conduit.protocol.transport.TransportContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which AWX a call goes to and with which credentials: the caller's {@code X-AWX-*} headers (a base URL only
 * if allowlisted), else the {@code environment} argument, else the session's current environment, else the default.
 * The current environment is kept per MCP session, so a switch in one session never moves another.
 */
public final class Scope {

  private static final Logger log = LoggerFactory.getLogger(Scope.class);
  private static final int MAX_SESSIONS = 10_000;

  private final AwxEnvironments environments;
  private final Map<String, String> current = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_SESSIONS;
        }
      });

  /** A scope over {@code environments}. */
  public Scope(AwxEnvironments environments) {
    this.environments = environments;
  }

  /** The configured environments. */
  public AwxEnvironments environments() {
    return environments;
  }

  /** The environment (with the caller's credentials) a call resolves to. */
  public AwxEnvironment resolve(Arguments args, RequestContext context) {
    TransportContext transport = context.transport();
    HeaderCredentials headers;
    try {
      headers = HeaderCredentials.from(transport::header);
    } catch (IllegalArgumentException e) {
      throw new ToolException(e.getMessage());
    }
    AwxEnvironment environment;
    if (headers != null && headers.baseUrl() != null) {
      environment = environments.forBaseUrl(headers.baseUrl()).orElseThrow(() -> new ToolException(
          "The AWX base URL in " + HeaderCredentials.BASE_URL + " is not on this server's allowlist"));
    } else {
      String name = args.string("environment");
      environment = name != null ? named(name) : current(context);
    }
    if (headers != null && headers.auth() != null) {
      environment = environment.withAuth(headers.auth());
    }
    if (headers != null && headers.verifySsl() != null && headers.verifySsl() != environment.verifySsl()) {
      if (!headers.verifySsl()) {
        log.warn("A caller turned TLS verification off for AWX environment {}", environment.name());
      }
      environment = environment.withVerifySsl(headers.verifySsl());
    }
    return environment;
  }

  /** The configured environment {@code name}. */
  public AwxEnvironment named(String name) {
    return environments.find(name).orElseThrow(() -> new ToolException(
        "No AWX environment named '" + name + "'; use environments_list to see them"));
  }

  /** The session's current environment. */
  public AwxEnvironment current(RequestContext context) {
    String key = sessionKey(context);
    String name = key == null ? null : current.get(key);
    return name == null ? environments.defaultEnvironment() : environments.find(name)
        .orElse(environments.defaultEnvironment());
  }

  /** Makes {@code name} the session's current environment. */
  public AwxEnvironment switchTo(String name, RequestContext context) {
    AwxEnvironment environment = named(name);
    String key = sessionKey(context);
    if (key == null) {
      throw new ToolException("This connection has no session to remember a choice in; pass 'environment' "
          + "with each call instead");
    }
    current.put(key, environment.name());
    return environment;
  }

  /**
   * The key of the caller's session: the transport's session id; for a transport without sessions or headers
   * (stdio, in-memory: one connection, one caller), a constant; for sessionless HTTP requests none at all, since
   * they may come from anyone.
   */
  private static @Nullable String sessionKey(RequestContext context) {
    TransportContext transport = context.transport();
    if (transport.sessionId() != null) {
      return "session:" + transport.sessionId();
    }
    return transport.headers().isEmpty() ? "connection" : null;
  }
}
