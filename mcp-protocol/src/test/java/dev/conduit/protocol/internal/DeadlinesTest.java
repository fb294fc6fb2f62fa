package dev.conduit.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final Deadlines deadlines = new Deadlines(scheduler);

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  private static long millis(long ms) {
    return TimeUnit.MILLISECONDS.toNanos(ms);
  }

  @Test
  void anEarlierDeadlineAddedAfterALaterOneStillRunsFirst() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    CountDownLatch both = new CountDownLatch(2);
    deadlines.schedule(millis(400), () -> {
      ran.add("late");
      both.countDown();
    });
    deadlines.schedule(millis(20), () -> {
      ran.add("early");
      both.countDown();
    });

    assertTrue(both.await(30, TimeUnit.SECONDS));
    assertEquals(List.of("early", "late"), ran);
  }

  @Test
  void aCancelledDeadlineNeverRunsAndLaterOnesStillDo() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    CountDownLatch last = new CountDownLatch(1);
    Deadlines.Deadline cancelled = deadlines.schedule(millis(30), () -> ran.add("cancelled"));
    deadlines.schedule(millis(60), () -> {
      ran.add("kept");
      last.countDown();
    });

    cancelled.cancel();

    assertTrue(last.await(30, TimeUnit.SECONDS));
    assertEquals(List.of("kept"), ran);
  }

  @Test
  void manyDeadlinesSharingOneTimerAllRun() throws Exception {
    int count = 500;
    CountDownLatch all = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      deadlines.schedule(millis(i % 50), all::countDown);
    }

    assertTrue(all.await(30, TimeUnit.SECONDS));
  }

  @Test
  void aFailingActionDoesNotStopTheOthers() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    deadlines.schedule(millis(10), () -> {
      throw new IllegalStateException("boom");
    });
    deadlines.schedule(millis(20), ran::countDown);

    assertTrue(ran.await(30, TimeUnit.SECONDS));
  }
}
