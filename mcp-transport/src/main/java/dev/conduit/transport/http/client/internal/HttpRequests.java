package dev.conduit.transport.http.client.internal;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Builds the HTTP requests of the MCP transports: the user's headers first (asked for anew on every request, so
 * that a token can be refreshed), then the headers the protocol needs, which the user's cannot override.
 */
public final class HttpRequests {

  /** {@code application/json}, exactly: no charset parameter is added. */
  public static final MediaType JSON = MediaType.get("application/json");

  private final Supplier<Map<String, String>> userHeaders;

  public HttpRequests(Supplier<Map<String, String>> userHeaders) {
    this.userHeaders = userHeaders;
  }

  /**
   * A POST of one message.
   *
   * @param sessionId the {@code Mcp-Session-Id} to send, if any
   * @param protocolVersion the {@code MCP-Protocol-Version} to send, if any
   * @param params the {@code Mcp-Param-*} headers to send, values not yet escaped
   * @param onWritten runs once the body has been written to the connection
   * @throws RuntimeException if a header value is not allowed (the user's supplier returned a bad one)
   */
  public Request post(
      HttpUrl url, Outgoing message, @Nullable String sessionId, @Nullable String protocolVersion,
      Map<String, String> params, @Nullable Runnable onWritten) {
    Request.Builder builder = base(url, sessionId, protocolVersion)
        .header(McpHeaders.ACCEPT, McpHeaders.ACCEPT_POST)
        .post(new MessageBody(message.body(), onWritten));
    String method = message.method();
    if (message.isModern() && method != null) {
      builder.header(McpHeaders.METHOD, McpHeaders.encodeValue(method));
      String name = message.name();
      if (name != null) {
        builder.header(McpHeaders.NAME, McpHeaders.encodeValue(name));
      }
    }
    params.forEach((header, value) -> builder.header(header, McpHeaders.encodeValue(value)));
    return builder.build();
  }

  /** A GET that opens (or, with {@code lastEventId}, resumes) an event stream. */
  public Request get(
      HttpUrl url, @Nullable String lastEventId, @Nullable String sessionId, @Nullable String protocolVersion) {
    Request.Builder builder = base(url, sessionId, protocolVersion).header(McpHeaders.ACCEPT, McpHeaders.ACCEPT_SSE);
    if (lastEventId != null) {
      builder.header(McpHeaders.LAST_EVENT_ID, lastEventId);
    }
    return builder.get().build();
  }

  /** A DELETE that ends a session. */
  public Request delete(HttpUrl url, String sessionId, @Nullable String protocolVersion) {
    return base(url, sessionId, protocolVersion).delete().build();
  }

  private Request.Builder base(HttpUrl url, @Nullable String sessionId, @Nullable String protocolVersion) {
    Request.Builder builder = new Request.Builder().url(url);
    Map<String, String> extra = userHeaders.get();
    if (extra != null) {
      extra.forEach(builder::header);
    }
    if (sessionId != null) {
      builder.header(McpHeaders.SESSION_ID, sessionId);
    } else {
      builder.removeHeader(McpHeaders.SESSION_ID);
    }
    if (protocolVersion != null) {
      builder.header(McpHeaders.PROTOCOL_VERSION, protocolVersion);
    } else {
      builder.removeHeader(McpHeaders.PROTOCOL_VERSION);
    }
    return builder;
  }

  /** A JSON body that says when it has been written, so a request counts as sent without awaiting its response. */
  private static final class MessageBody extends RequestBody {
    private final byte[] bytes;
    private final @Nullable Runnable onWritten;

    MessageBody(byte[] bytes, @Nullable Runnable onWritten) {
      this.bytes = bytes;
      this.onWritten = onWritten;
    }

    @Override
    public MediaType contentType() {
      return JSON;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.write(bytes);
      sink.flush();
      if (onWritten != null) {
        onWritten.run();
      }
    }
  }
}
