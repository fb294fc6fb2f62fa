package dev.conduit.observability.internal;

import dev.conduit.observability.tracing.McpClientObservationContext;
import dev.conduit.observability.tracing.McpObservationContext;
import dev.conduit.observability.tracing.McpServerObservationContext;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.jsonrpc.RequestId;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The default names and key values of MCP observations, after the OpenTelemetry semantic conventions for MCP: span
 * name {@code {mcp.method.name} {target}}, {@code mcp.*}, {@code gen_ai.*}, {@code jsonrpc.request.id}, {@code
 * error.type} and {@code rpc.response.status_code}.
 *
 * <p>Only the method and the protocol version are low-cardinality key values, so that a meter handler on the same
 * observations gets series of bounded count with the same keys every time; the rest are high-cardinality ones,
 * which a tracer turns into span attributes.
 */
public final class McpConventions {

  /** The observation name on the client side. */
  public static final String CLIENT_NAME = "mcp.client.operation";

  /** The observation name on the server side. */
  public static final String SERVER_NAME = "mcp.server.operation";

  /** The default convention of client observations. */
  public static final ObservationConvention<McpClientObservationContext> CLIENT = new Convention<>(
      CLIENT_NAME, McpClientObservationContext.class);

  /** The default convention of server observations. */
  public static final ObservationConvention<McpServerObservationContext> SERVER = new Convention<>(
      SERVER_NAME, McpServerObservationContext.class);

  private McpConventions() {}

  private record Convention<C extends Observation.Context & McpObservationContext>(String name, Class<C> type)
      implements ObservationConvention<C> {

    @Override
    public boolean supportsContext(Observation.Context context) {
      return type.isInstance(context);
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getContextualName(C context) {
      McpRequest request = context.request();
      if (Methods.targetsByName(request.method())) {
        String target = Targets.nameOf(request);
        if (target != null) {
          return request.method() + " " + target;
        }
      }
      return request.method();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(C context) {
      McpRequest request = context.request();
      return KeyValues.of(
          KeyValue.of("mcp.method.name", Methods.bounded(request.method())),
          KeyValue.of("mcp.protocol.version", request.session().protocolVersion().id()));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(C context) {
      McpRequest request = context.request();
      List<KeyValue> values = new ArrayList<>(6);
      RequestId id = request.id();
      if (id != null) {
        values.add(KeyValue.of("jsonrpc.request.id", id.text()));
      }
      String sessionId = request.session().transport().sessionId();
      if (sessionId != null) {
        values.add(KeyValue.of("mcp.session.id", sessionId));
      }
      String target = Targets.nameOf(request);
      switch (request.method()) {
        case "tools/call" -> {
          values.add(KeyValue.of("gen_ai.operation.name", "execute_tool"));
          add(values, "gen_ai.tool.name", target);
        }
        case "prompts/get" -> add(values, "gen_ai.prompt.name", target);
        case "resources/read" -> add(values, "mcp.resource.uri", target);
        default -> { }
      }
      add(values, "error.type", context.errorType());
      Integer code = context.errorCode();
      if (code != null) {
        values.add(KeyValue.of("rpc.response.status_code", code.toString()));
      }
      return KeyValues.of(values);
    }

    private static void add(List<KeyValue> values, String key, @Nullable String value) {
      if (value != null) {
        values.add(KeyValue.of(key, value));
      }
    }
  }
}
