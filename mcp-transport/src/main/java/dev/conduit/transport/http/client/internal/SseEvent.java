package dev.conduit.transport.http.client.internal;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * One server-sent event.
 *
 * @param type the {@code event} field, {@code "message"} when the server sent none
 * @param data the {@code data} lines joined with {@code \n}, as UTF-8 bytes
 * @param lastEventId the last event id the stream has set, at the time of this event (ids carry over to later
 *     events), or {@code null}
 */
public record SseEvent(String type, byte[] data, @Nullable String lastEventId) {

  /** Whether the data is empty or only whitespace, as in a priming event. */
  public boolean isBlank() {
    for (byte b : data) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** The data as text. */
  public String dataText() {
    return new String(data, StandardCharsets.UTF_8);
  }
}
