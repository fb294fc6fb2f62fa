package dev.conduit.observability.tracing;

import dev.conduit.protocol.interceptor.McpRequest;
import org.jspecify.annotations.Nullable;

/**
 * What an MCP observation knows about its request, on either side; for observation filters and handlers that want
 * more than the default key values.
 */
public sealed interface McpObservationContext permits McpClientObservationContext, McpServerObservationContext {

  /** The request observed. */
  McpRequest request();

  /**
   * How the request ended ({@code success}, {@code tool_error}, {@code input_required}, {@code error}, {@code
   * cancelled}); {@code null} while it runs.
   */
  @Nullable String outcome();

  /** The OpenTelemetry {@code error.type}: the JSON-RPC error code or {@code tool_error}; {@code null} if none. */
  @Nullable String errorType();

  /** The JSON-RPC error code the request ended with, or {@code null}. */
  @Nullable Integer errorCode();
}
