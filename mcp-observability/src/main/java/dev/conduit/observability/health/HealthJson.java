package dev.conduit.observability.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders a {@link Health} as JSON for an HTTP endpoint, such as {@code {"status":"UP","details":{"sessions":2}}},
 * and says which HTTP status goes with it.
 */
public final class HealthJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HealthJson() {}

  /** {@code health} as JSON text. */
  public static String render(Health health) {
    try {
      return JSON.writeValueAsString(health);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("A health detail cannot be written as JSON", e);
    }
  }

  /** 200 while up or degraded (still serving), 503 when down. */
  public static int httpStatus(Health health) {
    return health.status() == HealthStatus.DOWN ? 503 : 200;
  }
}
