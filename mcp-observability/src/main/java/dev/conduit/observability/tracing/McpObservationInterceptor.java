package dev.conduit.observability.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.observability.internal.McpConventions;
import dev.conduit.observability.internal.RequestOutcome;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Observes every request a client sends or a server receives through Micrometer's Observation API; with a tracer
 * bridge (Brave or OpenTelemetry) each becomes a span after the OpenTelemetry semantic conventions for MCP.
 *
 * <p>The W3C trace context travels in the request's {@code params._meta} ({@code traceparent}, {@code tracestate},
 * {@code baggage}): a client injects what the tracer writes, a server lets the tracer extract it, so a trace
 * crosses client, server and, in a bridge whose handlers call on with an instrumented client, the upstream too. A
 * server's handler runs inside the server observation's scope when it runs on the interceptor's thread, as Conduit's
 * handlers do.
 *
 * <pre>{@code
 * McpServer.builder().interceptor(new McpObservationInterceptor(observationRegistry))...
 * McpClient.builder().interceptor(new McpObservationInterceptor(observationRegistry))...
 * }</pre>
 */
public final class McpObservationInterceptor implements McpInterceptor {

  private final ObservationRegistry registry;

  /** Observes requests into {@code registry}; a no-op registry makes the interceptor a pass-through. */
  public McpObservationInterceptor(ObservationRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public CompletionStage<JsonPayload> intercept(Chain chain) {
    McpRequest request = chain.request();
    if (registry.isNoop()) {
      return chain.proceed(request);
    }
    return request.side() == McpRequest.Side.CLIENT ? client(chain, request) : server(chain, request);
  }

  private CompletionStage<JsonPayload> client(Chain chain, McpRequest request) {
    McpClientObservationContext context = new McpClientObservationContext(request);
    Observation observation =
        Observation.createNotStarted(null, McpConventions.CLIENT, () -> context, registry).start();
    CompletionStage<JsonPayload> result;
    Observation.Scope scope = observation.openScope();
    try {
      // Starting the observation let the tracer write its fields into the carrier.
      Map<String, String> injected = context.getCarrier();
      result = chain.proceed(injected == null || injected.isEmpty() ? request : withMeta(request, injected));
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    } finally {
      scope.close();
    }
    return result.whenComplete((payload, failure) -> {
      RequestOutcome outcome = RequestOutcome.of(request, payload, failure);
      context.completed(outcome.outcome(), outcome.errorType(), outcome.errorCode());
      stop(observation, failure);
    });
  }

  private CompletionStage<JsonPayload> server(Chain chain, McpRequest request) {
    McpServerObservationContext context = new McpServerObservationContext(request);
    Observation observation =
        Observation.createNotStarted(null, McpConventions.SERVER, () -> context, registry).start();
    CompletionStage<JsonPayload> result;
    Observation.Scope scope = observation.openScope();
    try {
      result = chain.proceed(request);
    } finally {
      scope.close();
    }
    return result.whenComplete((payload, failure) -> {
      RequestOutcome outcome = RequestOutcome.of(request, payload, failure);
      context.completed(outcome.outcome(), outcome.errorType(), outcome.errorCode());
      stop(observation, failure);
    });
  }

  private static void stop(Observation observation, @Nullable Throwable failure) {
    if (failure != null) {
      Throwable cause = RequestOutcome.unwrap(failure);
      if (!(cause instanceof CancellationException)) {
        observation.error(cause);
      }
    }
    observation.stop();
  }

  /** {@code request} with {@code fields} added to its {@code params._meta}; the caller's params are not changed. */
  private static McpRequest withMeta(McpRequest request, Map<String, String> fields) {
    JsonPayload params = request.params();
    ObjectNode tree;
    if (params == null) {
      tree = JsonNodeFactory.instance.objectNode();
    } else if (params.tree() instanceof ObjectNode object) {
      tree = object.deepCopy();
    } else {
      throw McpException.invalidParams("Invalid params: must be a JSON object");
    }
    JsonNode existing = tree.get("_meta");
    ObjectNode meta = existing instanceof ObjectNode object ? object : tree.putObject("_meta");
    fields.forEach(meta::put);
    return request.withParams(tree);
  }

  @Override
  public String toString() {
    return "McpObservationInterceptor";
  }
}
