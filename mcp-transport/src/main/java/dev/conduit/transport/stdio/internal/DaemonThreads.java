package dev.conduit.transport.stdio.internal;

/** Starts the transport's own threads: daemons, so a forgotten transport never keeps a JVM alive. */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** Starts {@code task} on a new daemon thread called {@code name}. */
  public static Thread start(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
