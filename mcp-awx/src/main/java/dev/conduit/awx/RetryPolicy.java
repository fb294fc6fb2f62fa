package dev.conduit.awx;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries a GET after a connection error or a 429, 502, 503 or 504: up to {@code maxAttempts}
 * attempts in all, waiting {@code initialBackoff}, then twice as long each time, never more than {@code maxBackoff}
 * (a {@code Retry-After} header, when AWX sends one, sets the wait, within the same ceiling). POST, PATCH and DELETE
 * are never retried: AWX may have acted on a request whose answer was lost, and a second launch is a second job.
 *
 * @param maxAttempts attempts in all, at least 1 (1 = no retry)
 * @param initialBackoff the first wait
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  /** Checks the values. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("Need 0 <= initialBackoff <= maxBackoff");
    }
  }

  /** Three attempts, waiting 500 ms then 1 s, at most 10 s after a {@code Retry-After}. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(10));
  }

  /** One attempt only. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed attempts (1-based). */
  public Duration backoff(int attempt) {
    long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
