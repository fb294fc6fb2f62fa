package dev.conduit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The stdio ceiling of Conduit's stack: a child JVM echoing lines ({@link #main}), and a client that writes the
 * bytes of an MCP {@code tools/call} as one line and reads one line back. As in any MCP client, one reader thread
 * takes the answers off the pipe and hands each to the caller waiting for it (in order, since the child echoes in
 * order), so that several callers can have requests in flight. No JSON is parsed or built.
 */
final class RawStdio implements EchoTarget {

  private final Process child;
  private final OutputStream toChild;
  private final byte[] line;
  // Callers add themselves here, then write, under writeLock; the reader takes them off without that lock. (Were the
  // reader to need it, a caller blocked writing a long line into a full pipe would hold it while the child, unread,
  // could not write its echo: a deadlock.)
  private final Queue<CompletableFuture<String>> waiting = new ConcurrentLinkedQueue<>();
  private final Object writeLock = new Object();
  private final Thread reader;

  RawStdio(String text) throws IOException {
    this.line = (Payloads.toolsCallRequest(2, text) + "\n").getBytes(StandardCharsets.UTF_8);
    this.child = new ProcessBuilder(Children.ownJava(RawStdio.class))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    this.toChild = child.getOutputStream();
    this.reader = new Thread(this::readLines, "raw-stdio-reader");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public String echo(String text) throws IOException, InterruptedException, ExecutionException {
    CompletableFuture<String> answer = new CompletableFuture<>();
    synchronized (writeLock) {
      waiting.add(answer);
      toChild.write(line);
      toChild.flush();
    }
    return answer.get();
  }

  private void readLines() {
    LineReader lines = new LineReader(child.getInputStream());
    try {
      byte[] next;
      while ((next = lines.next()) != null) {
        CompletableFuture<String> answer = waiting.poll();
        if (answer != null) {
          answer.complete(new String(next, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      // The child is gone; fall through and fail whoever waits.
    }
    CompletableFuture<String> left;
    while ((left = waiting.poll()) != null) {
      left.completeExceptionally(new IOException("raw stdio child ended"));
    }
  }

  @Override
  public boolean answersExactly() {
    return false;
  }

  @Override
  public void close() throws Exception {
    toChild.close();
    if (!child.waitFor(5, TimeUnit.SECONDS)) {
      child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    reader.join(5_000);
  }

  /**
   * The child: copies stdin to stdout a whole line at a time (every complete line that one read brought, in one
   * unbuffered write).
   */
  public static void main(String[] args) throws IOException {
    Children.exitWithParent();
    InputStream in = System.in;
    OutputStream out = new java.io.FileOutputStream(java.io.FileDescriptor.out);
    byte[] buffer = new byte[1 << 16];
    int filled = 0;
    while (true) {
      if (filled == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
      int n = in.read(buffer, filled, buffer.length - filled);
      if (n < 0) {
        return;
      }
      int end = filled + n;
      int lastNewline = -1;
      for (int i = end - 1; i >= filled; i--) {
        if (buffer[i] == '\n') {
          lastNewline = i;
          break;
        }
      }
      if (lastNewline < 0) {
        filled = end;
        continue;
      }
      out.write(buffer, 0, lastNewline + 1);
      filled = end - lastNewline - 1;
      System.arraycopy(buffer, lastNewline + 1, buffer, 0, filled);
    }
  }

  /** Splits a byte stream into lines (without their newline). */
  private static final class LineReader {
    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;

    LineReader(InputStream in) {
      this.in = in;
    }

    byte @org.jspecify.annotations.Nullable [] next() throws IOException {
      int scanned = start;
      while (true) {
        for (int i = scanned; i < end; i++) {
          if (buffer[i] == '\n') {
            byte[] lineBytes = Arrays.copyOfRange(buffer, start, i);
            start = i + 1;
            return lineBytes;
          }
        }
        if (start > 0) {
          System.arraycopy(buffer, start, buffer, 0, end - start);
          end -= start;
          start = 0;
        }
        if (end == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        scanned = end;
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
          return null;
        }
        end += n;
      }
    }
  }
}
