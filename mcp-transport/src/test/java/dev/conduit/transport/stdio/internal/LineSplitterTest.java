package dev.conduit.transport.stdio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

  /** Records what a splitter finds: lines as text, overlong lines as "<overlong N>". */
  private static final class Recorder implements LineSplitter.Sink {
    final List<String> events = new ArrayList<>();

    @Override
    public void line(byte[] buffer, int offset, int length) {
      events.add(new String(buffer, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void overlong(long length) {
      events.add("<overlong " + length + ">");
    }
  }

  private static List<String> split(InputStream in, int maxLineBytes) throws IOException {
    Recorder recorder = new Recorder();
    new LineSplitter(in, maxLineBytes).run(recorder);
    return recorder.events;
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns at most one byte per read, as a slow pipe might. */
  private static InputStream trickle(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }

  @Test
  void splitsOnNewlinesAndDropsCarriageReturns() throws IOException {
    assertEquals(List.of("{\"a\":1}", "{\"b\":2}", "{\"c\":3}"), split(bytes("{\"a\":1}\n{\"b\":2}\r\n{\"c\":3}\n"), 100));
  }

  @Test
  void skipsBlankLines() throws IOException {
    assertEquals(List.of("x", "y"), split(bytes("\n\r\n  \t\nx\n\n\ny\n \r\n"), 100));
  }

  @Test
  void deliversALastLineWithoutANewline() throws IOException {
    assertEquals(List.of("x", "tail"), split(bytes("x\ntail"), 100));
  }

  @Test
  void reassemblesLinesThatArriveAByteAtATime() throws IOException {
    assertEquals(List.of("héllo", "wörld"), split(trickle("héllo\r\nwörld\n"), 100));
  }

  @Test
  void keepsMultiByteCharactersWhole() throws IOException {
    String text = "€".repeat(50_000);
    assertEquals(List.of(text, "x"), split(bytes(text + "\nx\n"), 1_000_000));
  }

  @Test
  void acceptsALineOfExactlyTheLimitEvenWithCarriageReturn() throws IOException {
    assertEquals(List.of("0123456789", "ok"), split(trickle("0123456789\r\nok\n"), 10));
  }

  @Test
  void skipsAnOverlongLineAndGoesOn() throws IOException {
    assertEquals(List.of("a", "<overlong 11>", "b"), split(bytes("a\n01234567890\nb\n"), 10));
  }

  @Test
  void skipsAnOverlongLineThatArrivesInPieces() throws IOException {
    assertEquals(List.of("<overlong 30>", "ok"), split(trickle("x".repeat(30) + "\nok\n"), 10));
  }

  @Test
  void countsAHugeLineWithoutHoldingIt() throws IOException {
    long length = 64L * 1024 * 1024;
    InputStream endless =
        new InputStream() {
          long left = length;
          byte[] tail = "\n{}\n".getBytes(StandardCharsets.UTF_8);
          int tailAt;

          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left > 0) {
              int n = (int) Math.min(len, left);
              java.util.Arrays.fill(b, off, off + n, (byte) 'x');
              left -= n;
              return n;
            }
            if (tailAt == tail.length) {
              return -1;
            }
            b[off] = tail[tailAt++];
            return 1;
          }
        };
    assertEquals(List.of("<overlong " + length + ">", "{}"), split(endless, 1024));
  }

  @Test
  void reportsAnOverlongLastLineWithoutANewline() throws IOException {
    assertEquals(List.of("a", "<overlong 20>"), split(bytes("a\n" + "y".repeat(20)), 10));
  }
}
