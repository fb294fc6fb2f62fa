package dev.conduit.transport.stdio.internal;

/** Makes the transport's own threads: daemons, so a forgotten transport never keeps a JVM alive. */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** A new, unstarted daemon thread called {@code name} that runs {@code task}. */
  public static Thread create(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  /** Starts {@code task} on a new daemon thread called {@code name}. */
  public static Thread start(String name, Runnable task) {
    Thread thread = create(name, task);
    thread.start();
    return thread;
  }
}
