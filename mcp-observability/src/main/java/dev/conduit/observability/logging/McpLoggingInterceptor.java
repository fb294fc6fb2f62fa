package dev.conduit.observability.logging;

import dev.conduit.observability.internal.RequestOutcome;
import dev.conduit.observability.internal.Targets;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Logs one structured event per request a server receives or a client sends, when it completes, through SLF4J 2's
 * key-value API; and puts the request's identity in the MDC while the rest of the chain (on a server, the handler)
 * runs on the interceptor's thread, so that the handler's own log lines carry it too.
 *
 * <p>Keys: {@code mcp.side}, {@code mcp.session.id}, {@code jsonrpc.request.id}, {@code mcp.method.name}, {@code
 * gen_ai.tool.name} or {@code gen_ai.prompt.name} or {@code mcp.resource.uri}, {@code tenant}, {@code outcome},
 * {@code error.code}, {@code duration_ms}, and, only if {@link Builder#logArguments} is on, {@code arguments} with
 * every secret-like field redacted by a {@link SecretRedactor}. MDC keys: {@code mcp.session.id}, {@code
 * jsonrpc.request.id}, {@code mcp.method.name}, {@code tenant}. Error messages are never logged, since they may
 * repeat what a caller sent; resource URIs lose their query, fragment and user info.
 */
public final class McpLoggingInterceptor implements McpInterceptor {

  /** The default logger's name. */
  public static final String DEFAULT_LOGGER = "dev.conduit.observability.requests";

  private final Logger logger;
  private final Level level;
  private final boolean logArguments;
  private final SecretRedactor redactor;
  private final String tenantAttribute;

  private McpLoggingInterceptor(Builder builder) {
    this.logger = LoggerFactory.getLogger(builder.loggerName);
    this.level = builder.level;
    this.logArguments = builder.logArguments;
    this.redactor = builder.redactor;
    this.tenantAttribute = builder.tenantAttribute;
  }

  /** An interceptor with the defaults: logger {@value #DEFAULT_LOGGER}, level INFO, no arguments. */
  public static McpLoggingInterceptor create() {
    return builder().build();
  }

  /** Starts configuring an interceptor. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CompletionStage<JsonPayload> intercept(Chain chain) {
    McpRequest request = chain.request();
    long start = System.nanoTime();
    Map<String, String> identity = identity(request);
    Map<String, @Nullable String> previous = new LinkedHashMap<>();
    identity.forEach((key, value) -> {
      previous.put(key, MDC.get(key));
      MDC.put(key, value);
    });
    CompletionStage<JsonPayload> result;
    try {
      result = chain.proceed(request);
    } finally {
      previous.forEach((key, value) -> {
        if (value == null) {
          MDC.remove(key);
        } else {
          MDC.put(key, value);
        }
      });
    }
    return result.whenComplete((payload, failure) -> {
      if (logger.isEnabledForLevel(level)) {
        log(request, identity, RequestOutcome.of(request, payload, failure), System.nanoTime() - start);
      }
    });
  }

  private Map<String, String> identity(McpRequest request) {
    Map<String, String> identity = new LinkedHashMap<>();
    String sessionId = request.session().transport().sessionId();
    if (sessionId != null) {
      identity.put("mcp.session.id", printable(sessionId));
    }
    RequestId id = request.id();
    if (id != null) {
      identity.put("jsonrpc.request.id", printable(id.text()));
    }
    identity.put("mcp.method.name", printable(request.method()));
    Object tenant = request.attribute(tenantAttribute);
    if (tenant != null) {
      identity.put("tenant", printable(tenant.toString()));
    }
    return identity;
  }

  /** {@code text} with control characters replaced: a peer picks ids and names, and must not forge log lines. */
  private static String printable(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        StringBuilder clean = new StringBuilder(text);
        for (int j = i; j < clean.length(); j++) {
          if (Character.isISOControl(clean.charAt(j))) {
            clean.setCharAt(j, '?');
          }
        }
        return clean.toString();
      }
    }
    return text;
  }

  private void log(McpRequest request, Map<String, String> identity, RequestOutcome outcome, long nanos) {
    String side = request.side().name().toLowerCase(Locale.ROOT);
    LoggingEventBuilder event = logger.atLevel(level).addKeyValue("mcp.side", side);
    identity.forEach(event::addKeyValue);
    String target = target(request, event);
    long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
    event.addKeyValue("outcome", outcome.outcome());
    if (outcome.errorCode() != null) {
      event.addKeyValue("error.code", outcome.errorCode());
    }
    event.addKeyValue("duration_ms", millis);
    if (logArguments) {
      JsonPayload arguments = arguments(request);
      if (arguments != null) {
        event.addKeyValue("arguments", redactor.redact(arguments.tree()).toString());
      }
    }
    event.log("MCP {} {}{} {} in {} ms", side, identity.get("mcp.method.name"), target == null ? "" : " " + target,
        outcome.errorCode() == null ? outcome.outcome() : outcome.outcome() + " " + outcome.errorCode(), millis);
  }

  private @Nullable String target(McpRequest request, LoggingEventBuilder event) {
    String raw = Targets.nameOf(request);
    if (raw == null) {
      return null;
    }
    String name = printable(raw);
    switch (request.method()) {
      case "tools/call" -> event.addKeyValue("gen_ai.tool.name", name);
      case "prompts/get" -> event.addKeyValue("gen_ai.prompt.name", name);
      case "resources/read" -> {
        String uri = printable(redactor.redactUri(raw));
        event.addKeyValue("mcp.resource.uri", uri);
        return uri;
      }
      default -> {
        return null;
      }
    }
    return name;
  }

  private static @Nullable JsonPayload arguments(McpRequest request) {
    JsonPayload params = request.params();
    if (params == null || !(request.method().equals("tools/call") || request.method().equals("prompts/get"))) {
      return null;
    }
    try {
      return params.member("arguments");
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  /** Configures a {@link McpLoggingInterceptor}. */
  public static final class Builder {
    private String loggerName = DEFAULT_LOGGER;
    private Level level = Level.INFO;
    private boolean logArguments;
    private SecretRedactor redactor = SecretRedactor.defaults();
    private String tenantAttribute = "dev.conduit.tenant";

    private Builder() {}

    /** The logger's name (default {@value McpLoggingInterceptor#DEFAULT_LOGGER}). */
    public Builder logger(String name) {
      this.loggerName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The level of the events (default INFO). */
    public Builder level(Level level) {
      this.level = Objects.requireNonNull(level, "level");
      return this;
    }

    /** Whether events carry the arguments of tool calls and prompts, redacted (default false). */
    public Builder logArguments(boolean logArguments) {
      this.logArguments = logArguments;
      return this;
    }

    /** What redacts arguments and resource URIs (default {@link SecretRedactor#defaults()}). */
    public Builder redactor(SecretRedactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /**
     * The request attribute that names the tenant, set by an interceptor or the transport (default {@code
     * dev.conduit.tenant}).
     */
    public Builder tenantAttribute(String name) {
      this.tenantAttribute = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Builds the interceptor. */
    public McpLoggingInterceptor build() {
      return new McpLoggingInterceptor(this);
    }
  }
}
