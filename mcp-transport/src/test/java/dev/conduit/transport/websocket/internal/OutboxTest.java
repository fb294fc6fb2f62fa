package dev.conduit.transport.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The outbound queue of a server connection, against a container stand-in that completes sends when told (the
 * container's asynchronous send is the boundary here; the Jetty tests cover the real one).
 */
class OutboxTest {

  /** A container's async remote: keeps each send until the test completes it, and allows one at a time. */
  private static final class Remote implements Outbox.Sender {
    final List<String> sent = new ArrayList<>();
    final List<SendHandler> pending = new ArrayList<>();
    int inFlightAtOnce;

    @Override
    public void sendText(String text, SendHandler done) {
      sent.add(text);
      pending.add(done);
      inFlightAtOnce = Math.max(inFlightAtOnce, pending.size());
    }

    void completeNext() {
      pending.remove(0).onResult(new SendResult());
    }
  }

  private final AtomicInteger overflows = new AtomicInteger();

  @Test
  void messagesGoOutInOrderOneAtATime() {
    Remote remote = new Remote();
    Outbox outbox = new Outbox(remote, 1_000, overflows::incrementAndGet);

    List<CompletableFuture<Void>> sends = List.of(outbox.send("a"), outbox.send("b"), outbox.send("c"));
    assertEquals(List.of("a"), remote.sent);
    remote.completeNext();
    remote.completeNext();
    remote.completeNext();

    assertEquals(List.of("a", "b", "c"), remote.sent);
    assertEquals(1, remote.inFlightAtOnce);
    assertTrue(sends.stream().allMatch(CompletableFuture::isDone));
  }

  @Test
  void aMessageThatWouldGoPastTheBoundIsRefusedAndTheOwnerToldOnce() {
    Remote remote = new Remote();
    Outbox outbox = new Outbox(remote, 10, overflows::incrementAndGet);

    outbox.send("123456");
    CompletableFuture<Void> refused = outbox.send("123456");
    CompletableFuture<Void> after = outbox.send("1");

    assertTrue(refused.isCompletedExceptionally());
    assertTrue(after.isCompletedExceptionally());
    assertEquals(1, overflows.get());
  }

  @Test
  void aMessageLargerThanTheBoundStillGoesWhenNothingIsQueued() {
    Remote remote = new Remote();
    Outbox outbox = new Outbox(remote, 4, overflows::incrementAndGet);

    outbox.send("a message over four bytes");

    assertEquals(1, remote.sent.size());
    assertEquals(0, overflows.get());
  }

  @Test
  void sendsTheContainerCompletesAtOnceDoNotRecurse() {
    List<String> sent = new ArrayList<>();
    Outbox outbox = new Outbox((text, done) -> {
      sent.add(text);
      done.onResult(new SendResult());
    }, Long.MAX_VALUE, overflows::incrementAndGet);

    for (int i = 0; i < 100_000; i++) {
      assertTrue(outbox.send("m" + i).isDone());
    }

    assertEquals(100_000, sent.size());
  }

  @Test
  void finishingWaitsForWhatIsQueuedThenRunsOnce() {
    Remote remote = new Remote();
    Outbox outbox = new Outbox(remote, 1_000, overflows::incrementAndGet);
    AtomicInteger finished = new AtomicInteger();
    outbox.send("a");
    outbox.send("b");

    outbox.finish(finished::incrementAndGet);
    assertEquals(0, finished.get());
    assertTrue(outbox.send("c").isCompletedExceptionally());
    remote.completeNext();
    remote.completeNext();

    assertEquals(1, finished.get());
    assertEquals(List.of("a", "b"), remote.sent);
  }

  @Test
  void abortingFailsWhatIsQueued() {
    Remote remote = new Remote();
    Outbox outbox = new Outbox(remote, 1_000, overflows::incrementAndGet);
    outbox.send("a");
    CompletableFuture<Void> queued = outbox.send("b");

    outbox.abort();

    assertTrue(queued.isCompletedExceptionally());
    assertFalse(remote.sent.contains("b"));
  }
}
