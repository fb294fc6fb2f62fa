package dev.conduit.transport.stdio.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of a batch of outbound lines, collected before one write to the pipe. Unlike {@link
 * java.io.ByteArrayOutputStream} it is unsynchronised (one writer thread owns it), ignores {@link #flush()} (the
 * codec's JSON generator flushes its target after every message, which would otherwise cost a system call each), and
 * can take back a message that failed half-way through encoding.
 */
final class FrameBuffer extends OutputStream {

  private static final int INITIAL_CAPACITY = 64 * 1024;
  private static final int RETAINED_CAPACITY = 1024 * 1024;

  private byte[] bytes = new byte[INITIAL_CAPACITY];
  private int size;

  int size() {
    return size;
  }

  /** Forgets everything written after {@code mark}. */
  void truncate(int mark) {
    size = mark;
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  @Override
  public void flush() {
    // Deliberately nothing: the writer decides when the pipe is flushed.
  }

  /** Writes the batch to {@code out} and empties it. */
  void drainTo(OutputStream out) throws IOException {
    if (size > 0) {
      out.write(bytes, 0, size);
      size = 0;
    }
    if (bytes.length > RETAINED_CAPACITY) {
      bytes = new byte[INITIAL_CAPACITY];
    }
  }

  private void ensure(int extra) {
    long needed = (long) size + extra;
    if (needed > bytes.length) {
      if (needed > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("Message too large to buffer: " + needed + " bytes");
      }
      bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min((long) bytes.length * 2, Integer.MAX_VALUE - 16)));
    }
  }
}
