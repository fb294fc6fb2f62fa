package dev.conduit.protocol.internal;

import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadlines of the requests in flight, kept in one sorted set with one timer task armed for the earliest.
 *
 * <p>A timer task per request would wake the timer thread once per request: each new task heads the timer's otherwise
 * empty queue. Here a deadline later than the armed one (the usual case: every request waits the same 60 s) costs an
 * insertion into the set and nothing else, and a request answered in time is simply taken out again.
 */
final class Deadlines {

  private static final Logger log = LoggerFactory.getLogger(Deadlines.class);

  /** The deadlines of every session in the process, on the library's scheduler. */
  static final Deadlines SHARED = new Deadlines(Threads.scheduler());

  private final ScheduledExecutorService scheduler;
  private final ConcurrentSkipListSet<Deadline> pending = new ConcurrentSkipListSet<>();
  private final AtomicLong sequence = new AtomicLong();
  private final Object arming = new Object();
  private @Nullable ScheduledFuture<?> armed;
  private long armedFor;

  Deadlines(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** One deadline; {@link #cancel} it once it no longer matters. */
  final class Deadline implements Comparable<Deadline> {
    private final long nanos;
    private final long order;
    private final Runnable action;

    private Deadline(long nanos, Runnable action) {
      this.nanos = nanos;
      this.order = sequence.incrementAndGet();
      this.action = action;
    }

    /** Forgets the deadline; its action will not run (unless it is running already). */
    void cancel() {
      pending.remove(this);
    }

    @Override
    public int compareTo(Deadline other) {
      // nanoTime values are compared by their difference, which survives the counter's overflow.
      long difference = nanos - other.nanos;
      return difference != 0 ? (difference < 0 ? -1 : 1) : Long.compare(order, other.order);
    }
  }

  /** Runs {@code action} on the scheduler's thread once {@code delayNanos} have passed, unless cancelled first. */
  Deadline schedule(long delayNanos, Runnable action) {
    Deadline deadline = new Deadline(System.nanoTime() + delayNanos, action);
    pending.add(deadline);
    armFor(deadline.nanos);
    return deadline;
  }

  private void armFor(long nanos) {
    synchronized (arming) {
      if (armed != null && nanos - armedFor >= 0) {
        return;
      }
      if (armed != null) {
        armed.cancel(false);
      }
      armedFor = nanos;
      armed = scheduler.schedule(this::expire, nanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
  }

  private void expire() {
    synchronized (arming) {
      armed = null;
    }
    // Read only after disarming: a deadline added meanwhile either armed a task of its own or is seen below.
    long now = System.nanoTime();
    Deadline first;
    while ((first = first()) != null && first.nanos - now <= 0) {
      if (pending.remove(first)) {
        run(first);
      }
    }
    if (first != null) {
      armFor(first.nanos);
    }
  }

  private @Nullable Deadline first() {
    try {
      return pending.first();
    } catch (NoSuchElementException e) {
      return null;
    }
  }

  private static void run(Deadline deadline) {
    try {
      deadline.action.run();
    } catch (RuntimeException e) {
      log.warn("A timeout action failed", e);
    }
  }
}
