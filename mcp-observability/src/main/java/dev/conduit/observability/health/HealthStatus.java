package dev.conduit.observability.health;

/** How well something works, from best to worst. */
public enum HealthStatus {
  /** Works. */
  UP,
  /** Works, but less well than it should: slow, or near a limit. Still ready for traffic. */
  DEGRADED,
  /** Does not work. */
  DOWN;

  /** The worse of this status and {@code other}. */
  public HealthStatus worst(HealthStatus other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
