package dev.conduit.observability.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a health check: a status and details (numbers, text, or nested {@code Health}s of the parts).
 *
 * @param status how well it works
 * @param details what the check found, in the order it was added
 */
public record Health(HealthStatus status, Map<String, Object> details) {

  /** Copies {@code details}, keeping their order. */
  public Health {
    Objects.requireNonNull(status, "status");
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** Up, with no details. */
  public static Health up() {
    return new Health(HealthStatus.UP, Map.of());
  }

  /** Up, with details. */
  public static Health up(Map<String, Object> details) {
    return new Health(HealthStatus.UP, details);
  }

  /** Degraded, with details saying why. */
  public static Health degraded(Map<String, Object> details) {
    return new Health(HealthStatus.DEGRADED, details);
  }

  /** Down, with details saying why. */
  public static Health down(Map<String, Object> details) {
    return new Health(HealthStatus.DOWN, details);
  }

  /** A copy with one more detail. */
  public Health withDetail(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(details);
    more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new Health(status, more);
  }
}
