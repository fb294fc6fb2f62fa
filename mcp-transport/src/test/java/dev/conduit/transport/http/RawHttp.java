package dev.conduit.transport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A minimal HTTP/1.1 client on a plain socket, so that tests control every header (Host included) and can read an
 * SSE stream event by event, or drop the connection mid-response.
 */
final class RawHttp implements AutoCloseable {

  /** How long any single read may wait: generous, for a loaded machine. */
  static final int READ_TIMEOUT_MILLIS = 30_000;

  private final Socket socket;
  private final InputStream in;
  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final InputStream body;

  private RawHttp(Socket socket, InputStream in) throws IOException {
    this.socket = socket;
    this.in = in;
    String statusLine = readLine(in);
    if (statusLine == null) {
      throw new IOException("no response");
    }
    this.status = Integer.parseInt(statusLine.split(" ")[1]);
    for (String line; (line = readLine(in)) != null && !line.isEmpty(); ) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      this.body = new Chunked(in);
    } else if (headers.containsKey("content-length")) {
      this.body = new Bounded(in, Long.parseLong(headers.get("content-length")));
    } else {
      this.body = in;
    }
  }

  /** Sends a request and reads the status line and headers. */
  static RawHttp open(String host, int port, String method, String path, Map<String, String> headers,
      @Nullable String body) throws IOException {
    Socket socket = new Socket(host, port);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket.setTcpNoDelay(true);
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Host", host + ":" + port);
    all.put("Connection", "close");
    all.putAll(headers);
    if (body != null || method.equals("POST")) {
      all.put("Content-Length", Integer.toString(bytes.length));
    }
    all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    request.append("\r\n");
    OutputStream out = socket.getOutputStream();
    out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
    return new RawHttp(socket, socket.getInputStream());
  }

  int status() {
    return status;
  }

  /** A response header (name in any case), or null. */
  @Nullable String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The whole body. */
  String body() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The next SSE event, skipping comments (keep-alives); null at the end of the stream.
   */
  @Nullable SseEvent nextEvent() throws IOException {
    String id = null;
    String event = null;
    String retry = null;
    StringBuilder data = null;
    boolean any = false;
    for (String line; (line = readLine(body)) != null; ) {
      if (line.isEmpty()) {
        if (any) {
          return new SseEvent(id, event, data == null ? null : data.toString(), retry);
        }
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      any = true;
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "id" -> id = value;
        case "event" -> event = value;
        case "retry" -> retry = value;
        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        default -> { }
      }
    }
    return null;
  }

  /** The next event that carries a JSON-RPC message (not a priming event). */
  @Nullable SseEvent nextMessage() throws IOException {
    for (SseEvent e; (e = nextEvent()) != null; ) {
      if (e.data() != null && !e.data().isEmpty()) {
        return e;
      }
    }
    return null;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing
    }
  }

  /** One server-sent event. */
  record SseEvent(@Nullable String id, @Nullable String event, @Nullable String data, @Nullable String retry) {}

  private static @Nullable String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      }
      line.write(c);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
  }

  /** A chunked body, de-chunked. */
  private static final class Chunked extends InputStream {
    private final InputStream in;
    private long left;
    private boolean done;

    Chunked(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      if (done) {
        return -1;
      }
      if (left == 0) {
        String size = readLine(in);
        if (size != null && size.isEmpty()) {
          size = readLine(in);
        }
        if (size == null) {
          done = true;
          return -1;
        }
        left = Long.parseLong(size.split(";")[0].trim(), 16);
        if (left == 0) {
          done = true;
          return -1;
        }
      }
      int c = in.read();
      if (c < 0) {
        done = true;
        return -1;
      }
      left--;
      if (left == 0) {
        readLine(in);
      }
      return c;
    }
  }

  /** A body of known length. */
  private static final class Bounded extends InputStream {
    private final InputStream in;
    private long left;

    Bounded(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int c = in.read();
      if (c >= 0) {
        left--;
      }
      return c;
    }
  }
}
