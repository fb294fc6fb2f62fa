package dev.conduit.resilience.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a task later, off the caller's thread: a retry after its backoff, a call once its rate-limit permission is
 * due. One timer thread only waits; the tasks (which proceed down the chain, where an interceptor may block) run on
 * pooled worker threads, so one slow task never delays another's start.
 */
final class Delays {

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(daemon("conduit-resilience-timer"));
  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(daemon("conduit-resilience-worker-"));

  private Delays() {}

  static void after(long delay, TimeUnit unit, Runnable task) {
    TIMER.schedule(() -> WORKERS.execute(task), delay, unit);
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name.endsWith("-") ? name + count.incrementAndGet() : name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
