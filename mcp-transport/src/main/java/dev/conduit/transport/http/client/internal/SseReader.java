package dev.conduit.transport.http.client.internal;

import java.io.IOException;
import java.net.ProtocolException;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Reads server-sent events from a byte stream, as the HTML standard's event-stream parser does: lines end with CR,
 * LF or CRLF; {@code data} lines accumulate; a blank line dispatches; {@code id} and {@code retry} persist;
 * comments and unknown fields are skipped.
 *
 * <p>Streaming and linear: each line is found by scanning only the bytes not yet scanned, and data moves between
 * buffers by segment without copying, so one multi-megabyte event costs about what its bytes cost to receive.
 * {@code maxEventBytes} bounds both a line and an event's data, so that a peer cannot make the reader buffer
 * without end.
 */
public final class SseReader {

  private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");
  private static final ByteString BOM = ByteString.decodeHex("efbbbf");
  private static final int MAX_FIELD_TEXT = 8192;
  private static final int LONGEST_FIELD_NAME = 5;

  private final BufferedSource source;
  private final Buffer buffer;
  private final long maxEventBytes;
  private final Buffer data = new Buffer();
  private boolean hasData;
  private @Nullable String type;
  private @Nullable String lastEventId;
  private long retryMillis = -1;
  private boolean skipLineFeed;
  private boolean started;

  public SseReader(BufferedSource source, long maxEventBytes) {
    this.source = source;
    this.buffer = source.getBuffer();
    this.maxEventBytes = maxEventBytes;
  }

  /** The id of the last event that set one, or {@code null}: what {@code Last-Event-ID} should carry. */
  public @Nullable String lastEventId() {
    return lastEventId;
  }

  /** The reconnection delay the server last asked for, in milliseconds, or -1 if it never did. */
  public long retryMillis() {
    return retryMillis;
  }

  /**
   * Reads up to the next dispatched event.
   *
   * @return the event, or {@code null} at the end of the stream (an event not ended by a blank line is dropped)
   * @throws IOException if the stream fails, or a line or an event is larger than the limit
   */
  public @Nullable SseEvent next() throws IOException {
    if (!started) {
      started = true;
      skipByteOrderMark();
    }
    while (true) {
      long end = lineEnd();
      if (end < 0) {
        return null;
      }
      if (end == 0) {
        consumeLineEnd();
        SseEvent event = dispatch();
        if (event != null) {
          return event;
        }
        continue;
      }
      field(end);
      consumeLineEnd();
    }
  }

  private void skipByteOrderMark() throws IOException {
    if (source.request(1) && buffer.getByte(0) == BOM.getByte(0) && source.request(3)
        && buffer.rangeEquals(0, BOM)) {
      buffer.skip(3);
    }
  }

  /** Where the current line ends in the buffer (its length), or -1 at the end of the stream. */
  private long lineEnd() throws IOException {
    if (skipLineFeed) {
      // The previous line ended with CR; a LF right after it belongs to the same line end.
      if (!source.request(1)) {
        return -1;
      }
      if (buffer.getByte(0) == '\n') {
        buffer.skip(1);
      }
      skipLineFeed = false;
    }
    long scanned = 0;
    while (true) {
      long end = buffer.indexOfElement(LINE_ENDS, scanned);
      if (end >= 0) {
        return end;
      }
      scanned = buffer.size();
      if (scanned > maxEventBytes) {
        throw new ProtocolException("An event-stream line is longer than " + maxEventBytes + " bytes");
      }
      if (!source.request(scanned + 1)) {
        return -1;
      }
    }
  }

  private void consumeLineEnd() throws IOException {
    if (buffer.readByte() == '\r') {
      skipLineFeed = true;
    }
  }

  private void field(long end) throws IOException {
    long colon = buffer.indexOf((byte) ':', 0, end);
    if (colon == 0) {
      buffer.skip(end);
      return;
    }
    long nameLength = colon < 0 ? end : colon;
    if (nameLength > LONGEST_FIELD_NAME) {
      buffer.skip(end);
      return;
    }
    String name = buffer.readUtf8(nameLength);
    long valueLength = 0;
    if (colon > 0) {
      buffer.skip(1);
      valueLength = end - colon - 1;
      if (valueLength > 0 && buffer.getByte(0) == ' ') {
        buffer.skip(1);
        valueLength--;
      }
    }
    switch (name) {
      case "data" -> appendData(valueLength);
      case "event" -> type = text(valueLength);
      case "id" -> {
        String id = text(valueLength);
        if (id.indexOf('\0') < 0) {
          lastEventId = id;
        }
      }
      case "retry" -> {
        String value = text(valueLength);
        if (!value.isEmpty() && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
          retryMillis = Long.parseLong(value);
        }
      }
      default -> buffer.skip(valueLength);
    }
  }

  private void appendData(long length) throws IOException {
    if (hasData) {
      data.writeByte('\n');
    }
    data.write(buffer, length);
    hasData = true;
    if (data.size() > maxEventBytes) {
      throw new ProtocolException("An event's data is larger than " + maxEventBytes + " bytes");
    }
  }

  private String text(long length) throws IOException {
    if (length > MAX_FIELD_TEXT) {
      buffer.skip(length);
      return "";
    }
    return buffer.readUtf8(length);
  }

  private @Nullable SseEvent dispatch() {
    if (!hasData) {
      type = null;
      return null;
    }
    SseEvent event =
        new SseEvent(type == null || type.isEmpty() ? "message" : type, data.readByteArray(), lastEventId);
    hasData = false;
    type = null;
    return event;
  }
}
