package dev.conduit.transport.http.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.jsonrpc.JsonRpcRequest;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.schema.Meta;
import org.jspecify.annotations.Nullable;

/**
 * One message on its way out, encoded once, with what the transport needs to know about it: whether it is a request
 * (and its id), its method, whether it is a modern (2026-07-28) message and which version its {@code _meta} names,
 * and the name that {@code Mcp-Name} carries.
 */
public final class Outgoing {

  public static final String INITIALIZE = "initialize";
  public static final String INITIALIZED = "notifications/initialized";
  public static final String CANCELLED = "notifications/cancelled";

  private final JsonRpcMessage message;
  private final byte[] body;
  private final @Nullable String method;
  private final @Nullable String modernVersion;
  private final @Nullable String name;

  private Outgoing(
      JsonRpcMessage message, byte[] body, @Nullable String method, @Nullable String modernVersion,
      @Nullable String name) {
    this.message = message;
    this.body = body;
    this.method = method;
    this.modernVersion = modernVersion;
    this.name = name;
  }

  /**
   * Encodes and inspects {@code message}.
   *
   * @throws RuntimeException if the message cannot be encoded
   */
  public static Outgoing of(JsonRpcMessage message, JsonRpcCodec codec) {
    byte[] body = codec.encode(message);
    JsonPayload params = null;
    String method = null;
    if (message instanceof JsonRpcRequest request) {
      params = request.params();
      method = request.method();
    } else if (message instanceof JsonRpcNotification notification) {
      params = notification.params();
      method = notification.method();
    }
    return new Outgoing(message, body, method, modernVersion(params), method == null ? null : name(method, params));
  }

  public JsonRpcMessage message() {
    return message;
  }

  public byte[] body() {
    return body;
  }

  /** The method, or {@code null} for a response. */
  public @Nullable String method() {
    return method;
  }

  /** The request's id, or {@code null} if this is not a request. */
  public @Nullable RequestId id() {
    return message instanceof JsonRpcRequest request ? request.id() : null;
  }

  public boolean isRequest() {
    return message instanceof JsonRpcRequest;
  }

  public boolean isInitialize() {
    return isRequest() && INITIALIZE.equals(method);
  }

  public boolean isInitialized() {
    return message instanceof JsonRpcNotification && INITIALIZED.equals(method);
  }

  /** Whether the message is of the modern era: its {@code _meta} names the protocol version. */
  public boolean isModern() {
    return modernVersion != null;
  }

  /** The protocol version its {@code _meta} names (modern messages only). */
  public @Nullable String modernVersion() {
    return modernVersion;
  }

  /** What {@code Mcp-Name} carries: {@code params.name} or {@code params.uri}, for the methods that have one. */
  public @Nullable String name() {
    return name;
  }

  /** For {@code notifications/cancelled}: the id of the request being cancelled. */
  public @Nullable RequestId cancelledRequest() {
    if (!(message instanceof JsonRpcNotification notification) || !CANCELLED.equals(method)) {
      return null;
    }
    JsonPayload params = notification.params();
    JsonPayload id = params == null ? null : params.member("requestId");
    if (id == null) {
      return null;
    }
    JsonNode node = id.tree();
    if (node.isTextual()) {
      return RequestId.of(node.textValue());
    }
    return node.isNumber() ? RequestId.ofNumberText(node.asText()) : null;
  }

  /** A copy of this request under another id, for a replay the engine does not know about. */
  public Outgoing withId(RequestId id, JsonRpcCodec codec) {
    return of(((JsonRpcRequest) message).withId(id), codec);
  }

  private static @Nullable String modernVersion(@Nullable JsonPayload params) {
    JsonPayload meta = params == null ? null : params.member("_meta");
    if (meta == null) {
      return null;
    }
    JsonNode version = meta.tree().get(Meta.PROTOCOL_VERSION);
    return version != null && version.isTextual() ? version.textValue() : null;
  }

  private static @Nullable String name(String method, @Nullable JsonPayload params) {
    if (params == null) {
      return null;
    }
    return switch (method) {
      case "tools/call", "prompts/get" -> params.memberText("name");
      case "resources/read" -> params.memberText("uri");
      default -> null;
    };
  }

  @Override
  public String toString() {
    return method != null ? method + (isRequest() ? " " + id() : "") : "response";
  }
}
