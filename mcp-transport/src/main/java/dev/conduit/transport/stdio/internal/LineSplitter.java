package dev.conduit.transport.stdio.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into {@code \n}-terminated lines inside one reusable buffer, so reading a message costs no
 * allocation beyond the copy its consumer makes. A trailing {@code \r} is dropped and blank lines are skipped. A line
 * longer than the limit is never held: its bytes are counted and dropped up to its newline, and then reported.
 *
 * <p>Not thread-safe; one reader thread owns it.
 */
public final class LineSplitter {

  /** Receives what the splitter finds. */
  public interface Sink {

    /**
     * A line, without its terminator. The bytes belong to the splitter and change after this returns: copy what you
     * keep.
     */
    void line(byte[] buffer, int offset, int length);

    /** A line of {@code length} bytes was longer than the limit and was skipped. */
    void overlong(long length);
  }

  static final int INITIAL_CAPACITY = 64 * 1024;

  // A buffer grown for one large message is given back once it is empty, so that a connection does not keep the
  // largest message it ever saw.
  private static final int RETAINED_CAPACITY = 1024 * 1024;

  private final InputStream in;
  private final int maxLineBytes;
  private final int maxCapacity;
  private byte[] buffer;
  private int start;
  private int end;
  private int scanned;
  private boolean discarding;
  private long discarded;

  /**
   * @param in the stream to read
   * @param maxLineBytes the longest line accepted, without its terminator
   */
  public LineSplitter(InputStream in, int maxLineBytes) {
    if (maxLineBytes <= 0 || maxLineBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxLineBytes out of range: " + maxLineBytes);
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    // Room for the longest line plus "\r\n".
    this.maxCapacity = maxLineBytes + 2;
    this.buffer = new byte[Math.min(INITIAL_CAPACITY, maxCapacity)];
  }

  /**
   * Reads to the end of the stream, handing every line to {@code sink}. A last line without a newline is delivered
   * too.
   *
   * @throws IOException if reading fails; lines before the failure have been delivered
   */
  public void run(Sink sink) throws IOException {
    while (true) {
      int newline = indexOfNewline();
      if (newline >= 0) {
        emit(sink, start, newline);
        start = newline + 1;
        scanned = start;
        continue;
      }
      makeRoom();
      int read = in.read(buffer, end, buffer.length - end);
      if (read < 0) {
        if (end > start || discarding) {
          emit(sink, start, end);
        }
        start = 0;
        end = 0;
        scanned = 0;
        return;
      }
      end += read;
    }
  }

  private int indexOfNewline() {
    byte[] bytes = buffer;
    for (int i = scanned; i < end; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    scanned = end;
    return -1;
  }

  /** Frees space for the next read when no newline is pending: drops, compacts or grows. */
  private void makeRoom() {
    int pending = end - start;
    if (discarding || pending > maxLineBytes + 1) {
      // Over the limit even if its last byte turns out to be the '\r' of "\r\n": drop what we have.
      if (!discarding) {
        discarding = true;
        discarded = 0;
      }
      discarded += pending;
      reset();
      return;
    }
    if (pending == 0) {
      reset();
      if (buffer.length > RETAINED_CAPACITY) {
        buffer = new byte[INITIAL_CAPACITY];
      }
      return;
    }
    int free = buffer.length - end;
    if (start > 0 && free < buffer.length / 4) {
      // Move the partial line to the front rather than read in small slivers at the end.
      System.arraycopy(buffer, start, buffer, 0, pending);
    } else if (free == 0) {
      byte[] grown = new byte[(int) Math.min((long) buffer.length * 2, maxCapacity)];
      System.arraycopy(buffer, 0, grown, 0, pending);
      buffer = grown;
    } else {
      return;
    }
    start = 0;
    end = pending;
    scanned = pending;
  }

  private void reset() {
    start = 0;
    end = 0;
    scanned = 0;
  }

  private void emit(Sink sink, int from, int to) {
    int length = to - from;
    if (discarding) {
      discarding = false;
      sink.overlong(discarded + length);
      return;
    }
    if (length > 0 && buffer[to - 1] == '\r') {
      length--;
    }
    if (length > maxLineBytes) {
      sink.overlong(length);
    } else if (!isBlank(buffer, from, length)) {
      sink.line(buffer, from, length);
    }
  }

  private static boolean isBlank(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
