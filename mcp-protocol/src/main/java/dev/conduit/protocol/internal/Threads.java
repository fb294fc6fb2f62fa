package dev.conduit.protocol.internal;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The threads the library runs on: handlers on virtual threads where the JDK has them (21+), otherwise on a bounded
 * pool; timeouts on one scheduler. Every thread is a daemon and says whose it is.
 */
public final class Threads {

  private static final int FALLBACK_POOL_SIZE = 256;

  private static final ExecutorService HANDLERS = createHandlerExecutor();

  private static final ScheduledExecutorService SCHEDULER = createScheduler();

  private Threads() {}

  /** Runs handler code, which may block. Shared by every session. */
  public static ExecutorService handlers() {
    return HANDLERS;
  }

  /** Runs timeouts and other delayed work, which must not block. Shared by every session. */
  public static ScheduledExecutorService scheduler() {
    return SCHEDULER;
  }

  /** Whether handlers run on virtual threads. */
  public static boolean virtual() {
    return !(HANDLERS instanceof ThreadPoolExecutor);
  }

  /** A factory of daemon threads named {@code prefix-N}. */
  public static ThreadFactory daemonFactory(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static ExecutorService createHandlerExecutor() {
    try {
      // Java 21+: Thread.ofVirtual().name("conduit-handler-", 0).factory(), looked up reflectively so that the
      // library still compiles for and runs on Java 17.
      Method ofVirtual = Thread.class.getMethod("ofVirtual");
      Object builder = ofVirtual.invoke(null);
      Class<?> builderType = Class.forName("java.lang.Thread$Builder");
      builder = builderType.getMethod("name", String.class, long.class).invoke(builder, "conduit-handler-", 0L);
      ThreadFactory factory = (ThreadFactory) builderType.getMethod("factory").invoke(builder);
      Method perTask = Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
      return (ExecutorService) perTask.invoke(null, factory);
    } catch (ReflectiveOperationException e) {
      ElasticQueue queue = new ElasticQueue();
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              0, FALLBACK_POOL_SIZE, 60, TimeUnit.SECONDS, queue, daemonFactory("conduit-handler"),
              (task, executor) -> queue.force(task));
      queue.pool = pool;
      return pool;
    }
  }

  /**
   * Makes a pool prefer an idle thread, then a new one (up to its maximum), and queue a task only when neither is
   * possible; a plain ThreadPoolExecutor would either queue before growing or grow before reusing.
   */
  private static final class ElasticQueue extends LinkedTransferQueue<Runnable> {
    private static final long serialVersionUID = 1L;

    private transient @Nullable ThreadPoolExecutor pool;

    @Override
    public boolean offer(Runnable task) {
      if (tryTransfer(task)) {
        return true;
      }
      ThreadPoolExecutor owner = pool;
      // Refusing makes the executor start a new thread; at the maximum it rejects, and the handler forces the task in.
      return owner != null && owner.getPoolSize() >= owner.getMaximumPoolSize() && super.offer(task);
    }

    void force(Runnable task) {
      super.offer(task);
    }
  }

  private static ScheduledExecutorService createScheduler() {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(1, daemonFactory("conduit-scheduler"));
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }
}
