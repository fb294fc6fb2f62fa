package dev.conduit.resilience;

import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.transport.TransportContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling a server, as a rate limiter tells callers apart. Requests whose identity is {@code null} share one
 * limit.
 *
 * <pre>{@code
 * McpResilience.server().callerIdentity(CallerIdentity.header("X-Api-Key")).build();
 * }</pre>
 */
@FunctionalInterface
public interface CallerIdentity {

  /** The caller of {@code request}, or {@code null} if it cannot be told. */
  @Nullable String of(McpRequest request);

  /**
   * The transport session ({@code Mcp-Session-Id} on HTTP). Transports without session ids (stdio, in-memory,
   * stateless HTTP) give {@code null}, so their callers share one limit.
   */
  static CallerIdentity session() {
    return request -> request.session().transport().sessionId();
  }

  /** The first value of an HTTP header, such as an API key or a tenant header. */
  static CallerIdentity header(String name) {
    Objects.requireNonNull(name, "name");
    return request -> request.session().transport().header(name);
  }

  /** The authenticated principal a front door put in {@link TransportContext#PRINCIPAL}. */
  static CallerIdentity principal() {
    return request -> {
      Object principal = request.attribute(TransportContext.PRINCIPAL);
      return principal == null ? null : principal.toString();
    };
  }
}
