package dev.conduit.observability.tracing;

import dev.conduit.protocol.interceptor.McpRequest;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of a request a client sends. Its carrier collects the fields a tracer injects ({@code
 * traceparent}, {@code tracestate}, {@code baggage}), which go out in the request's {@code params._meta}.
 */
public final class McpClientObservationContext extends SenderContext<Map<String, String>>
    implements McpObservationContext {

  private final McpRequest request;
  private @Nullable String outcome;
  private @Nullable String errorType;
  private @Nullable Integer errorCode;

  McpClientObservationContext(McpRequest request) {
    super((carrier, key, value) -> {
      if (carrier != null) {
        carrier.put(key, value);
      }
    }, Kind.CLIENT);
    this.request = request;
    setCarrier(new LinkedHashMap<>());
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
