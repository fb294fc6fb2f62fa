package dev.conduit.observability.health;

/** Checks the health of one thing. Implementations are thread-safe and may block for at most their own timeout. */
@FunctionalInterface
public interface HealthIndicator {

  /** Checks now. */
  Health check();
}
