package dev.conduit.transport.http.internal;

import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Header names, media types and the shape of error answers. */
public final class Http {

  public static final String SESSION_ID = "Mcp-Session-Id";
  public static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
  public static final String LAST_EVENT_ID = "Last-Event-ID";
  public static final String MCP_METHOD = "Mcp-Method";
  public static final String MCP_NAME = "Mcp-Name";
  public static final String JSON = "application/json";
  public static final String EVENT_STREAM = "text/event-stream";

  /** The error code the TypeScript reference server uses for transport-level refusals. */
  public static final int TRANSPORT_ERROR = -32000;

  private Http() {}

  /** Headers of a JSON answer. */
  public static Map<String, String> jsonHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", JSON);
    return headers;
  }

  /** Headers of an SSE answer. */
  public static Map<String, String> sseHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", EVENT_STREAM);
    headers.put("Cache-Control", "no-cache, no-transform");
    headers.put("X-Accel-Buffering", "no");
    return headers;
  }

  /** Answers with a JSON-RPC error object and no id; the message must be safe to show (no class names, no traces). */
  public static void error(Exchange exchange, JsonRpcCodec codec, int status, int code, String message) {
    error(exchange, codec, status, JsonRpcError.of(null, code, message), Map.of());
  }

  /** Answers with a JSON-RPC error object, adding {@code extraHeaders}. */
  public static void error(
      Exchange exchange, JsonRpcCodec codec, int status, JsonRpcError error, Map<String, String> extraHeaders) {
    Map<String, String> headers = jsonHeaders();
    headers.putAll(extraHeaders);
    exchange.respond(status, headers, codec.encode(error));
  }

  /**
   * Connects a transport to the MCP server; answers 503 and returns false if the server is closed.
   */
  static boolean connect(Wiring wiring, Exchange exchange, Runnable connect) {
    try {
      connect.run();
      return true;
    } catch (IllegalStateException e) {
      error(exchange, wiring.codec(), 503, TRANSPORT_ERROR, "Service Unavailable: the server is shutting down");
      return false;
    }
  }

  /** An error answer with an id. */
  public static JsonRpcError errorFor(@Nullable RequestId id, int code, String message) {
    return JsonRpcError.of(id, code, message);
  }

  /** Whether an {@code Accept} header admits {@code mediaType} (wildcards count). */
  public static boolean accepts(@Nullable String accept, String mediaType) {
    if (accept == null) {
      return false;
    }
    String type = mediaType.substring(0, mediaType.indexOf('/'));
    for (String part : accept.split(",")) {
      String range = part.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (range.equals(mediaType) || range.equals("*/*") || range.equals(type + "/*")) {
        return true;
      }
    }
    return false;
  }

  /** The decoded value of parameter {@code name} in a raw query string ("" if it has no value), or null. */
  public static @Nullable String queryParameter(@Nullable String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** Whether a {@code Content-Type} header names JSON (parameters such as the charset are ignored). */
  public static boolean isJson(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    return contentType.split(";", 2)[0].trim().equalsIgnoreCase(JSON);
  }
}
