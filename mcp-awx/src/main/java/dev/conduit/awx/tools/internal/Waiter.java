package dev.conduit.awx.tools.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.awx.AwxException;
import dev.conduit.protocol.server.RequestContext;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a job (or update, workflow job, ad hoc command) until it finishes, with a growing interval, reporting MCP
 * progress at each poll. A cancelled MCP request stops the wait at once; the AWX job is cancelled too only when the
 * caller asked for it.
 */
public final class Waiter {

  private static final Logger log = LoggerFactory.getLogger(Waiter.class);

  /** AWX's finished states. */
  public static final Set<String> FINISHED = Set.of("successful", "failed", "error", "canceled");

  /** What the wait ended with. */
  public record Outcome(JsonNode job, boolean finished, long polls) {}

  private Waiter() {}

  /**
   * Waits for the object at {@code path} (such as {@code jobs/42/}) to reach a finished state.
   *
   * @param cancelOnAbort whether to POST {@code path + "cancel/"} when the MCP request is cancelled
   * @throws CancellationException when the MCP request was cancelled
   */
  public static Outcome await(Call call, String path, String noun, Duration timeout, boolean cancelOnAbort) {
    RequestContext context = call.context();
    CountDownLatch cancelled = new CountDownLatch(1);
    context.onCancel(cancelled::countDown);
    long deadline = System.nanoTime() + timeout.toNanos();
    long interval = Math.max(1, call.pollInterval().toMillis());
    long maxInterval = interval * 10;
    long polls = 0;
    long startedAt = System.nanoTime();
    while (true) {
      abortIfCancelled(call, path, noun, cancelled, cancelOnAbort);
      JsonNode job;
      try {
        job = call.client().get(path);
      } catch (AwxException e) {
        // A cancellation interrupts the poll in flight: that is the cancellation, not an AWX failure.
        if (Thread.currentThread().isInterrupted() || context.isCancelled()) {
          cancelled.countDown();
          abortIfCancelled(call, path, noun, cancelled, cancelOnAbort);
        }
        throw e;
      }
      polls++;
      String status = job.path("status").asText("unknown");
      if (FINISHED.contains(status)) {
        context.progress(polls, (double) polls, noun + " finished: " + status);
        return new Outcome(job, true, polls);
      }
      long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt);
      context.progress(polls, null, noun + " is " + status + " after " + elapsed + " s");
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return new Outcome(job, false, polls);
      }
      try {
        if (cancelled.await(Math.min(interval, left), TimeUnit.MILLISECONDS)) {
          abortIfCancelled(call, path, noun, cancelled, cancelOnAbort);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelled.countDown();
        abortIfCancelled(call, path, noun, cancelled, cancelOnAbort);
      }
      interval = Math.min(maxInterval, interval * 3 / 2 + 1);
    }
  }

  private static void abortIfCancelled(Call call, String path, String noun, CountDownLatch cancelled,
      boolean cancelOnAbort) {
    if (cancelled.getCount() > 0 && !call.context().isCancelled()) {
      return;
    }
    if (cancelOnAbort && !call.writesAllowed()) {
      log.info("Not cancelling {} at {}: the AWX tools are read-only", noun, path);
    } else if (cancelOnAbort) {
      // The cancellation may have interrupted this thread; the cancel POST must still go out.
      boolean interrupted = Thread.interrupted();
      try {
        call.client().cancel(path + "cancel/");
        log.info("Cancelled {} at {} because the MCP request was cancelled", noun, path);
      } catch (AwxException e) {
        log.warn("Could not cancel {} at {}: {}", noun, path, e.getMessage());
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
    throw new CancellationException("The wait for " + noun + " was cancelled");
  }
}
