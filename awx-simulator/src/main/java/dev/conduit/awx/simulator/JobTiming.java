package dev.conduit.awx.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast simulated jobs move: the delay of each step (pending to waiting, waiting to running, and each event
 * while running).
 *
 * @param step the pause between two steps of a job; zero or more
 */
public record JobTiming(Duration step) {

  /** Checks the step. */
  public JobTiming {
    Objects.requireNonNull(step, "step");
    if (step.isNegative()) {
      throw new IllegalArgumentException("step must not be negative: " + step);
    }
  }

  /** Millisecond steps: a demo job finishes within a few tens of milliseconds, for tests. */
  public static JobTiming fast() {
    return new JobTiming(Duration.ofMillis(2));
  }

  /** Steps of about half a second: a demo job takes several seconds, as a person watching it would expect. */
  public static JobTiming realistic() {
    return new JobTiming(Duration.ofMillis(500));
  }
}
