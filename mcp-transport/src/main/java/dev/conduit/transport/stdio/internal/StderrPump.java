package dev.conduit.transport.stdio.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a child's stderr to a consumer line by line, on a thread of its own. The stream must be drained whatever
 * happens to the lines: a child blocked on a full stderr pipe stops answering.
 */
public final class StderrPump {

  private static final Logger log = LoggerFactory.getLogger(StderrPump.class);

  // Log lines are short; a longer one is almost certainly binary noise, and is skipped rather than held.
  private static final int MAX_LINE_BYTES = 1024 * 1024;

  private StderrPump() {}

  /** Starts a daemon thread called {@code threadName} that reads {@code stderr} to its end. */
  public static void start(String threadName, InputStream stderr, Consumer<String> lines) {
    DaemonThreads.start(threadName, () -> pump(stderr, lines));
  }

  private static void pump(InputStream stderr, Consumer<String> lines) {
    LineSplitter.Sink sink =
        new LineSplitter.Sink() {
          @Override
          public void line(byte[] buffer, int offset, int length) {
            deliver(lines, new String(buffer, offset, length, StandardCharsets.UTF_8));
          }

          @Override
          public void overlong(long length) {
            deliver(lines, "[" + length + " bytes of stderr output skipped: line too long]");
          }
        };
    try (stderr) {
      new LineSplitter(stderr, MAX_LINE_BYTES).run(sink);
    } catch (IOException e) {
      log.debug("Reading a server process's stderr failed", e);
    }
  }

  private static void deliver(Consumer<String> lines, String line) {
    try {
      lines.accept(line);
    } catch (RuntimeException e) {
      log.warn("The stderr consumer failed", e);
    }
  }
}
