package dev.conduit.transport.http.internal;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Formats server-sent events. Message data is compact JSON, which never contains a line break. */
final class Sse {

  private Sse() {}

  /** An {@code event: message} carrying one JSON-RPC message, with an id if the stream is resumable. */
  static byte[] message(@Nullable String id, String json) {
    StringBuilder frame = new StringBuilder(json.length() + 48).append("event: message\n");
    if (id != null) {
      frame.append("id: ").append(id).append('\n');
    }
    return frame.append("data: ").append(json).append("\n\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A priming event: an id and empty data, with the reconnection delay the client must wait after a close. */
  static byte[] priming(String id, long retryMillis) {
    return ("id: " + id + "\nretry: " + retryMillis + "\ndata: \n\n").getBytes(StandardCharsets.UTF_8);
  }

  /** A named event, as the legacy HTTP+SSE transport's {@code endpoint} event. */
  static byte[] named(String event, String data) {
    return ("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
  }
}
