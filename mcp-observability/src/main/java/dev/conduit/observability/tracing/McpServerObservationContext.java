package dev.conduit.observability.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of a request a server receives. A tracer extracts the caller's trace context ({@code
 * traceparent}, {@code tracestate}, {@code baggage}) from the request's {@code params._meta}.
 */
public final class McpServerObservationContext extends ReceiverContext<McpRequest> implements McpObservationContext {

  private final McpRequest request;
  private @Nullable String outcome;
  private @Nullable String errorType;
  private @Nullable Integer errorCode;

  McpServerObservationContext(McpRequest request) {
    super(McpServerObservationContext::metaText, Kind.SERVER);
    this.request = request;
    setCarrier(request);
  }

  private static @Nullable String metaText(McpRequest carrier, String key) {
    JsonPayload params = carrier.params();
    JsonPayload meta = params == null ? null : params.member("_meta");
    if (meta == null) {
      return null;
    }
    JsonNode value;
    try {
      value = meta.tree().get(key);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  @Override
  public McpRequest request() {
    return request;
  }

  @Override
  public @Nullable String outcome() {
    return outcome;
  }

  @Override
  public @Nullable String errorType() {
    return errorType;
  }

  @Override
  public @Nullable Integer errorCode() {
    return errorCode;
  }

  void completed(String outcome, @Nullable String errorType, @Nullable Integer errorCode) {
    this.outcome = outcome;
    this.errorType = errorType;
    this.errorCode = errorCode;
  }
}
