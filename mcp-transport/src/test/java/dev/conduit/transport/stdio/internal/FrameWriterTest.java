package dev.conduit.transport.stdio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FrameWriterTest {

  private static final long WAIT_SECONDS = 30;

  /** An output stream whose first write blocks until released, as a pipe nobody reads would. */
  private static final class StalledOutput extends OutputStream {
    final CountDownLatch writing = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final AtomicInteger flushes = new AtomicInteger();

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      writing.countDown();
      try {
        if (!release.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new IOException("never released");
        }
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
      synchronized (bytes) {
        bytes.write(b, off, len);
      }
    }

    @Override
    public void flush() {
      flushes.incrementAndGet();
    }

    List<String> lines() {
      synchronized (bytes) {
        return List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
      }
    }
  }

  private static JsonRpcNotification note(int n) {
    return new JsonRpcNotification("n", JsonPayload.of(Map.of("n", n)));
  }

  @Test
  void sendNeverWaitsForAStalledPipeAndKeepsTheOrder() throws Exception {
    StalledOutput out = new StalledOutput();
    FrameWriter writer = new FrameWriter(JsonRpcCodec.standard(), out, failure -> {});
    writer.start("test-writer");
    writer.send(note(0), false);
    assertTrue(out.writing.await(WAIT_SECONDS, TimeUnit.SECONDS));

    // The writer thread is now stuck in write(); sending from here must still return at once.
    List<CompletableFuture<Void>> sent = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      sent.add(writer.send(note(i), false));
    }
    assertFalse(sent.get(0).isDone());

    out.release.countDown();
    assertAllWrittenInOrder(out, sent);
  }

  @Test
  void messagesQueuedWhileThePipeIsBusyShareAFlush() throws Exception {
    StalledOutput out = new StalledOutput();
    FrameWriter writer = new FrameWriter(JsonRpcCodec.standard(), out, failure -> {});
    writer.start("test-writer");
    writer.send(note(0), false);
    assertTrue(out.writing.await(WAIT_SECONDS, TimeUnit.SECONDS));
    CompletableFuture<Void> last = null;
    for (int i = 1; i <= 100; i++) {
      last = writer.send(note(i), false);
    }
    out.release.countDown();
    last.get(WAIT_SECONDS, TimeUnit.SECONDS);
    // One flush for the first message, one for the hundred queued behind it; never one per message.
    assertTrue(out.flushes.get() <= 3, "flushes: " + out.flushes.get());
  }

  @Test
  void concurrentSendersAreAllWrittenEachInItsOwnOrder() throws Exception {
    assertConcurrentSendersKeepTheirOrder(false);
  }

  @Test
  void concurrentSendersThatMayWriteThemselvesAreAllWrittenEachInItsOwnOrder() throws Exception {
    assertConcurrentSendersKeepTheirOrder(true);
  }

  private static void assertConcurrentSendersKeepTheirOrder(boolean mayBlock) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FrameWriter writer = new FrameWriter(JsonRpcCodec.standard(), out, failure -> {});
    writer.start("test-writer");
    int senders = 8;
    int each = 2000;
    List<Thread> threads = new ArrayList<>();
    List<CompletableFuture<Void>> lasts = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < senders; t++) {
      int sender = t;
      threads.add(new Thread(() -> {
        CompletableFuture<Void> last = null;
        for (int i = 0; i < each; i++) {
          last = writer.send(note(sender * each + i), mayBlock);
          if (i % 100 == 0) {
            // Let the writer run dry now and then, so that it goes to sleep and must be woken.
            Thread.yield();
          }
        }
        lasts.add(last);
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
    CompletableFuture.allOf(lasts.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
    writer.finish();
    assertTrue(writer.awaitStopped(Duration.ofSeconds(WAIT_SECONDS)));

    int[] next = new int[senders];
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(senders * each, lines.length);
    for (String line : lines) {
      String digits = line.substring(line.indexOf("\"n\":") + 4, line.indexOf('}'));
      int n = Integer.parseInt(digits);
      int sender = n / each;
      assertEquals(sender * each + next[sender], n, "out of order for sender " + sender);
      next[sender]++;
    }
  }

  @Test
  void aSenderThatMayBlockWritesItselfWhenThePipeIsIdle() throws Exception {
    List<String> writers = new java.util.concurrent.CopyOnWriteArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStream out =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            writers.add(Thread.currentThread().getName());
            bytes.write(b, off, len);
          }
        };
    FrameWriter writer = new FrameWriter(JsonRpcCodec.standard(), out, failure -> {});
    writer.start("test-writer");

    CompletableFuture<Void> sent = writer.send(note(1), true);

    assertTrue(sent.isDone() && !sent.isCompletedExceptionally());
    assertEquals(List.of(Thread.currentThread().getName()), writers);
    assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"n\",\"params\":{\"n\":1}}\n", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void whileASenderIsStuckInThePipeOthersQueueBehindItWithoutWaiting() throws Exception {
    StalledOutput out = new StalledOutput();
    FrameWriter writer = new FrameWriter(JsonRpcCodec.standard(), out, failure -> {});
    writer.start("test-writer");
    CompletableFuture<CompletableFuture<Void>> first = CompletableFuture.supplyAsync(() -> writer.send(note(0), true));
    assertTrue(out.writing.await(WAIT_SECONDS, TimeUnit.SECONDS));

    List<CompletableFuture<Void>> sent = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      sent.add(writer.send(note(i), true));
    }
    assertFalse(first.isDone());
    assertFalse(sent.get(0).isDone());

    out.release.countDown();
    first.get(WAIT_SECONDS, TimeUnit.SECONDS).get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertAllWrittenInOrder(out, sent);
  }

  @Test
  void aSendersOwnWriteFailureFailsItsMessageAndIsReported() throws Exception {
    CompletableFuture<IOException> reported = new CompletableFuture<>();
    FrameWriter writer = new FrameWriter(JsonRpcCodec.standard(), brokenPipe(), reported::complete);
    writer.start("test-writer");

    CompletableFuture<Void> sent = writer.send(note(1), true);

    assertThrows(ExecutionException.class, () -> sent.get(WAIT_SECONDS, TimeUnit.SECONDS));
    assertEquals("Broken pipe", reported.get(WAIT_SECONDS, TimeUnit.SECONDS).getMessage());
    assertTrue(writer.awaitStopped(Duration.ofSeconds(WAIT_SECONDS)));
    assertTrue(writer.send(note(2), true).isCompletedExceptionally());
  }

  @Test
  void aMessageThatCannotBeEncodedFailsAloneAndLeavesNoPartialLine() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FrameWriter writer = new FrameWriter(JsonRpcCodec.standard(), out, failure -> {});
    writer.start("test-writer");
    Object unserialisable =
        new Object() {
          @SuppressWarnings("unused")
          public String getValue() {
            throw new IllegalStateException("boom");
          }
        };
    CompletableFuture<Void> bad =
        writer.send(new JsonRpcNotification("bad", JsonPayload.of(Map.of("a", "x", "b", unserialisable))), false);
    writer.send(note(1), false).get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThrows(ExecutionException.class, () -> bad.get(WAIT_SECONDS, TimeUnit.SECONDS));
    assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"n\",\"params\":{\"n\":1}}\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void finishWritesWhatIsQueuedThenClosesAndRefusesMore() throws Exception {
    AtomicInteger closes = new AtomicInteger();
    ByteArrayOutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public void close() {
            closes.incrementAndGet();
          }
        };
    FrameWriter writer = new FrameWriter(JsonRpcCodec.standard(), out, failure -> {});
    writer.start("test-writer");
    CompletableFuture<Void> queued = writer.send(note(1), false);
    writer.finish();
    assertTrue(writer.awaitStopped(Duration.ofSeconds(WAIT_SECONDS)));
    assertTrue(queued.isDone() && !queued.isCompletedExceptionally());
    assertEquals(1, closes.get());
    assertTrue(writer.send(note(2), false).isCompletedExceptionally());
  }

  @Test
  void aWriteFailureFailsWhatIsPendingAndIsReported() throws Exception {
    CompletableFuture<IOException> reported = new CompletableFuture<>();
    FrameWriter writer = new FrameWriter(JsonRpcCodec.standard(), brokenPipe(), reported::complete);
    writer.start("test-writer");
    CompletableFuture<Void> sent = writer.send(note(1), false);
    assertEquals("Broken pipe", reported.get(WAIT_SECONDS, TimeUnit.SECONDS).getMessage());
    assertThrows(ExecutionException.class, () -> sent.get(WAIT_SECONDS, TimeUnit.SECONDS));
    assertTrue(writer.send(note(2), false).isCompletedExceptionally());
  }

  private static OutputStream brokenPipe() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("Broken pipe");
      }
    };
  }

  /** Waits for {@code sent} (messages 1 to 100) and checks that the pipe got messages 0 to 100 in that order. */
  private static void assertAllWrittenInOrder(StalledOutput out, List<CompletableFuture<Void>> sent) throws Exception {
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
    List<String> lines = out.lines();
    assertEquals(sent.size() + 1, lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"n\",\"params\":{\"n\":" + i + "}}", lines.get(i));
    }
  }
}
