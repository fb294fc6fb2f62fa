package dev.conduit.transport.http.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.ErrorObject;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.jsonrpc.JsonRpcRequest;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import dev.conduit.protocol.jsonrpc.JsonRpcResult;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.transport.TransportContext;
import dev.conduit.transport.http.HttpRequestStream;
import dev.conduit.transport.internal.ToolHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Streamable HTTP as 2026-07-28 defines it: POST only, no sessions, each request served as a connection of its own.
 * The {@code Mcp-Method} and {@code Mcp-Name} headers must agree with the body, errors map to HTTP statuses, and
 * closing the response stream cancels the request.
 */
final class ModernEndpoint {

  private static final String LISTEN = "subscriptions/listen";
  private static final String TOOLS_LIST = "tools/list";
  private static final String TOOLS_CALL = "tools/call";

  private final Wiring wiring;
  private final ToolHeaders tools = new ToolHeaders();

  ModernEndpoint(Wiring wiring) {
    this.wiring = wiring;
  }

  void post(Exchange exchange, JsonRpcMessage message) {
    if (message instanceof JsonRpcResponse) {
      Http.error(exchange, wiring.codec(), 400, Http.TRANSPORT_ERROR,
          "Bad Request: a 2026-07-28 client sends requests and notifications only");
      return;
    }
    RequestId id = message instanceof JsonRpcRequest request ? request.id() : null;
    String method = message instanceof JsonRpcRequest request
        ? request.method() : ((JsonRpcNotification) message).method();
    JsonPayload params = message instanceof JsonRpcRequest request
        ? request.params() : ((JsonRpcNotification) message).params();
    ErrorObject refusal = refusal(exchange, method, params);
    if (refusal != null) {
      Http.error(exchange, wiring.codec(), 400, new JsonRpcError(id, refusal), Map.of());
      return;
    }
    if (!(message instanceof JsonRpcRequest request)) {
      // Cancellation is the closing of the response stream; other notifications have no connection to go to.
      exchange.respond(202, Map.of(), new byte[0]);
      return;
    }
    serve(exchange, request);
  }

  private void serve(Exchange exchange, JsonRpcRequest request) {
    HttpConnection connection = new HttpConnection(wiring, "2026-07-28 HTTP request", null, null, true);
    TransportContext context = TransportContext.ofHeaders(exchange.headers());
    RequestStream.Answering answering = new RequestStream.Answering() {
      @Override
      public int status(JsonRpcResponse response) {
        return response instanceof JsonRpcError error ? statusOf(error.error().code()) : 200;
      }

      @Override
      public void answering(JsonRpcResponse response) {
        if (response instanceof JsonRpcResult result && request.method().equals(TOOLS_LIST)) {
          tools.learn(result.result());
        }
      }

      @Override
      public void clientGone() {
        cancel(connection, request.id(), context);
      }
    };
    RequestStream stream = new RequestStream(wiring, request.id(), null, null, exchange, answering);
    if (!Http.connect(wiring, exchange, () -> wiring.server().connect(connection))) {
      return;
    }
    connection.register(stream);
    if (request.method().equals(LISTEN)) {
      stream.startSseNow();
    } else {
      stream.upgradeAfter(wiring.options().sseUpgradeDelay());
    }
    connection.receive(request, context.withAttribute(HttpRequestStream.ATTRIBUTE, stream));
  }

  /** The client closed the response stream: the request is cancelled, and its connection ends. */
  private static void cancel(HttpConnection connection, RequestId id, TransportContext context) {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.set("requestId", id.isNumber()
        ? JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(id.text()))
        : JsonNodeFactory.instance.textNode(id.text()));
    params.put("reason", "The client closed the response stream");
    connection.receive(new JsonRpcNotification("notifications/cancelled", JsonPayload.of(params)), context);
    connection.close();
  }

  /**
   * Why the request is refused before it reaches the server, or null: a version header this library does not know
   * ({@code -32022}), headers that disagree with the body ({@code -32020}), or a body that names no protocol version
   * ({@code -32602}).
   */
  private @Nullable ErrorObject refusal(Exchange exchange, String method, @Nullable JsonPayload params) {
    String headerVersion = String.valueOf(exchange.header(Http.PROTOCOL_VERSION)).trim();
    if (ProtocolVersion.parse(headerVersion).isEmpty()) {
      return unsupported(headerVersion);
    }
    String headerMethod = decode(exchange.header(Http.MCP_METHOD));
    if (headerMethod == null) {
      return mismatch("Header mismatch: the Mcp-Method header is required");
    }
    if (!headerMethod.equals(method)) {
      return mismatch("Header mismatch: Mcp-Method does not match the body's method");
    }
    String nameMember = switch (method) {
      case "tools/call", "prompts/get" -> "name";
      case "resources/read" -> "uri";
      default -> null;
    };
    if (nameMember != null) {
      String headerName = decode(exchange.header(Http.MCP_NAME));
      if (headerName == null) {
        return mismatch("Header mismatch: the Mcp-Name header is required for " + method);
      }
      String bodyName = params == null ? null : params.memberText(nameMember);
      if (!headerName.equals(bodyName)) {
        return mismatch("Header mismatch: Mcp-Name does not match params." + nameMember);
      }
    }
    String paramMismatch = method.equals(TOOLS_CALL) ? ParamHeaderCheck.mismatch(exchange, tools, params) : null;
    if (paramMismatch != null) {
      return mismatch(paramMismatch);
    }
    JsonPayload meta = params == null ? null : params.member("_meta");
    String bodyVersion = meta == null || !meta.isObject() ? null : meta.memberText(Meta.PROTOCOL_VERSION);
    if (bodyVersion == null) {
      return new ErrorObject(ErrorCodes.INVALID_PARAMS,
          "Invalid params: _meta[\"" + Meta.PROTOCOL_VERSION + "\"] is required", null);
    }
    if (!headerVersion.equals(bodyVersion)) {
      return mismatch("Header mismatch: MCP-Protocol-Version does not match _meta[\"" + Meta.PROTOCOL_VERSION + "\"]");
    }
    return null;
  }

  private static ErrorObject mismatch(String message) {
    return new ErrorObject(ErrorCodes.HEADER_MISMATCH, message, null);
  }

  /** An {@code UnsupportedProtocolVersionError} for {@code requested}, listing what a request may name instead. */
  private ErrorObject unsupported(String requested) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    ArrayNode supported = data.putArray("supported");
    supportedVersions(wiring.server().protocolVersions()).forEach(supported::add);
    data.put("requested", requested);
    return new ErrorObject(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
        "Unsupported protocol version: " + requested, JsonPayload.of(data));
  }

  /** The versions a request may name, newest first: the modern ones, or the legacy ones if the server has none. */
  static List<String> supportedVersions(Set<ProtocolVersion> versions) {
    boolean anyModern = versions.stream().anyMatch(ProtocolVersion::isModern);
    return versions.stream()
        .filter(v -> !anyModern || v.isModern())
        .sorted(Comparator.reverseOrder())
        .map(ProtocolVersion::id)
        .toList();
  }

  /** A header value, decoded if it has the {@code =?base64?...?=} form; null if absent or undecodable. */
  static @Nullable String decode(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    if (v.startsWith("=?base64?") && v.endsWith("?=") && v.length() >= 11) {
      try {
        return new String(Base64.getDecoder().decode(v.substring(9, v.length() - 2)), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return v;
  }

  /** The HTTP status of a JSON answer carrying error {@code code}. */
  static int statusOf(int code) {
    return switch (code) {
      case ErrorCodes.HEADER_MISMATCH, ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
          ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION, ErrorCodes.INVALID_PARAMS -> 400;
      case ErrorCodes.METHOD_NOT_FOUND -> 404;
      default -> 200;
    };
  }
}
