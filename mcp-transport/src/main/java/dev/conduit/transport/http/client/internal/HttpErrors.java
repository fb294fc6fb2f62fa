package dev.conduit.transport.http.client.internal;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.jsonrpc.DecodeResult;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.transport.TransportContext;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** Turns what went wrong over HTTP into the JSON-RPC error that the waiting request receives. */
public final class HttpErrors {

  /** The code of errors the transport makes up itself: the one a closed connection has. */
  public static final int CODE = McpConnectionClosedException.CODE;

  private static final long MAX_ERROR_BODY = 64 * 1024;

  private HttpErrors() {}

  /**
   * An error response for a request, and the context to deliver it with: the peer's own, or one the transport made
   * up ({@link TransportContext#localFailure()}).
   */
  public record Answer(JsonRpcError error, TransportContext context) {}

  /**
   * The error that a failed HTTP response means for request {@code id}: the server's, if the body holds a JSON-RPC
   * error (servers often answer with {@code "id": null}), under {@code id}; otherwise one of the transport's own that
   * names the status.
   */
  public static Answer fromStatus(RequestId id, Response response, JsonRpcCodec codec) {
    if (isJson(response)) {
      try {
        DecodeResult decoded = codec.decode(readBody(response, MAX_ERROR_BODY));
        if (decoded instanceof DecodeResult.Success success && success.message() instanceof JsonRpcError error) {
          return new Answer(error.withId(id), TransportContext.empty());
        }
      } catch (IOException e) {
        // Fall through to the status alone.
      }
    }
    return new Answer(JsonRpcError.of(id, CODE, describe(response)), TransportContext.localFailure());
  }

  /** An error of the transport's own. */
  public static JsonRpcError of(RequestId id, String message) {
    return JsonRpcError.of(id, CODE, message);
  }

  /** {@code HTTP 404 Not Found from POST http://…}. */
  public static String describe(Response response) {
    String reason = response.message().isEmpty() ? "" : " " + response.message();
    return "HTTP " + response.code() + reason + " from " + response.request().method() + " " + response.request().url();
  }

  /** Whether the response says its body is JSON. */
  public static boolean isJson(Response response) {
    MediaType type = mediaType(response);
    return type != null && type.subtype().toLowerCase(Locale.ROOT).endsWith("json");
  }

  /** Whether the response is an event stream. */
  public static boolean isEventStream(Response response) {
    MediaType type = mediaType(response);
    return type != null && "text".equals(type.type()) && "event-stream".equals(type.subtype());
  }

  /**
   * The whole body, if it is no larger than {@code max} bytes.
   *
   * @throws IOException if reading fails or the body is larger
   */
  public static byte[] readBody(Response response, long max) throws IOException {
    ResponseBody body = response.body();
    BufferedSource source = body.source();
    if (source.request(max + 1)) {
      throw new ProtocolException("The response body is larger than " + max + " bytes");
    }
    return source.getBuffer().readByteArray();
  }

  private static @Nullable MediaType mediaType(Response response) {
    String header = response.header("Content-Type");
    return header == null ? null : MediaType.parse(header);
  }
}
