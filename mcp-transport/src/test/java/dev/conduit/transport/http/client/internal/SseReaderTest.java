package dev.conduit.transport.http.client.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;


class SseReaderTest {

  private static SseReader reader(String text) {
    return new SseReader(new Buffer().writeUtf8(text), 1 << 20);
  }

  private static List<SseEvent> all(SseReader reader) throws IOException {
    List<SseEvent> events = new ArrayList<>();
    for (SseEvent event = reader.next(); event != null; event = reader.next()) {
      events.add(event);
    }
    return events;
  }

  @Test
  void readsTypeDataAndIdOfEachEvent() throws IOException {
    List<SseEvent> events = all(reader("event: endpoint\ndata: /message?s=1\n\nid: 7\ndata: {\"a\":1}\n\n"));
    assertEquals(2, events.size());
    assertEquals("endpoint", events.get(0).type());
    assertEquals("/message?s=1", events.get(0).dataText());
    assertNull(events.get(0).lastEventId());
    assertEquals("message", events.get(1).type());
    assertEquals("{\"a\":1}", events.get(1).dataText());
    assertEquals("7", events.get(1).lastEventId());
  }

  @Test
  void joinsDataLinesWithLineFeeds() throws IOException {
    assertEquals("one\ntwo\n", all(reader("data: one\ndata:two\ndata\n\n")).get(0).dataText());
  }

  @Test
  void acceptsCarriageReturnAndCrLfLineEnds() throws IOException {
    List<SseEvent> events = all(reader("data: a\r\n\r\ndata: b\r\rdata: c\n\n"));
    assertEquals(List.of("a", "b", "c"), events.stream().map(SseEvent::dataText).toList());
  }

  @Test
  void skipsCommentsUnknownFieldsAndTheByteOrderMark() throws IOException {
    List<SseEvent> events = all(reader("\uFEFF: keep-alive\n\nfoo: bar\ndata: x\n\n"));
    assertEquals(1, events.size());
    assertEquals("x", events.get(0).dataText());
  }

  @Test
  void anEventWithoutDataIsNotDispatchedButItsIdAndRetryStick() throws IOException {
    SseReader reader = reader("id: event-1\nretry: 500\n\nid: event-2\nretry: 5x\ndata: \n\n");
    SseEvent priming = reader.next();
    assertEquals("event-2", priming.lastEventId());
    assertTrue(priming.isBlank());
    assertNull(reader.next());
    assertEquals("event-2", reader.lastEventId());
    assertEquals(500, reader.retryMillis());
  }

  @Test
  void anUnfinishedEventAtTheEndIsDropped() throws IOException {
    assertEquals(List.of(), all(reader("data: never dispatched\n")));
  }

  @Test
  // Linear, not quadratic: rescanning the line on every 1000 bytes would take many minutes.
  @org.junit.jupiter.api.Timeout(120)
  void readsALargeSingleLineEventThatArrivesInSmallPieces() throws IOException {
    byte[] payload = new byte[8 * 1024 * 1024];
    Arrays.fill(payload, (byte) 'x');
    Buffer whole = new Buffer().writeUtf8("data: ").write(payload).writeUtf8("\n\n");
    SseReader reader = new SseReader(Okio.buffer(trickle(whole, 1000)), 16 * 1024 * 1024);
    assertArrayEquals(payload, reader.next().data());
  }

  @Test
  void refusesALineLongerThanTheLimit() {
    String line = "data: " + "y".repeat(2000) + "\n\n";
    SseReader reader = new SseReader(new Buffer().writeUtf8(line), 1000);
    assertThrows(ProtocolException.class, reader::next);
  }

  @Test
  void refusesAnEventWhoseDataGrowsPastTheLimit() {
    String lines = ("data: " + "z".repeat(400) + "\n").repeat(5) + "\n";
    SseReader reader = new SseReader(new Buffer().writeUtf8(lines), 1000);
    assertThrows(ProtocolException.class, reader::next);
  }

  @Test
  void keepsMultibyteCharacters() throws IOException {
    String text = "{\"name\":\"m\u00e9t\u00e9o \u2603\"}";
    SseEvent event = all(reader("data: " + text + "\n\n")).get(0);
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), event.data());
  }

  /** A source that hands out at most {@code piece} bytes per read, as a slow network would. */
  private static Source trickle(Buffer data, long piece) {
    return new Source() {
      @Override
      public long read(Buffer sink, long byteCount) {
        if (data.size() == 0) {
          return -1;
        }
        long n = Math.min(Math.min(byteCount, piece), data.size());
        sink.write(data, n);
        return n;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    };
  }
}
