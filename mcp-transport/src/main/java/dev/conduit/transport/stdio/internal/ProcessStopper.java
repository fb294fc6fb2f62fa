package dev.conduit.transport.stdio.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a child process the way MCP's stdio shutdown asks, once its stdin has been closed: wait for it to exit, then
 * terminate it (SIGTERM), wait again, then kill it (SIGKILL). Every step is bounded, so closing never hangs on a
 * server that ignores its input. The process's descendants are ended with it: a launcher such as {@code npx} would
 * otherwise leave the real server running, holding our pipes open.
 */
public final class ProcessStopper {

  private static final Logger log = LoggerFactory.getLogger(ProcessStopper.class);

  // SIGKILL cannot be ignored; this only bounds the wait for the kernel to reap the process.
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private ProcessStopper() {}

  /**
   * Stops {@code process}; returns once it has exited, or after all the waits.
   *
   * @param exitWait how long the process may take to exit by itself
   * @param terminateWait how long it may take to exit after being asked to terminate
   * @return whether the process has exited
   */
  public static boolean stop(Process process, Duration exitWait, Duration terminateWait) {
    try {
      if (waitFor(process, exitWait)) {
        return true;
      }
      List<ProcessHandle> tree =
          Stream.concat(process.descendants(), Stream.of(process.toHandle())).collect(Collectors.toList());
      log.debug("Server process {} did not exit within {} of its input closing; terminating it", process.pid(),
          exitWait);
      tree.forEach(ProcessHandle::destroy);
      if (waitFor(process, terminateWait)) {
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return true;
      }
      log.warn("Server process {} did not exit within {} of being terminated; killing it", process.pid(),
          terminateWait);
      tree.forEach(ProcessHandle::destroyForcibly);
      return waitFor(process, KILL_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      return !process.isAlive();
    }
  }

  private static boolean waitFor(Process process, Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }
}
