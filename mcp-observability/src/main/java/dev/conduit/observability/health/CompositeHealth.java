package dev.conduit.observability.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of several named parts: as bad as the worst of them, with each part's health among the details. A part
 * whose check throws is down.
 *
 * <pre>{@code
 * HealthIndicator ready = CompositeHealth.builder()
 *     .add("server", ServerHealth.of(server))
 *     .add("upstream", ClientHealth.of(upstreamClient, Duration.ofSeconds(2)))
 *     .build();
 * }</pre>
 */
public final class CompositeHealth implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(CompositeHealth.class);

  private final Map<String, HealthIndicator> parts;

  private CompositeHealth(Map<String, HealthIndicator> parts) {
    // A copy that keeps the order the parts were named in, which the details follow.
    this.parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
  }

  /** Starts naming the parts. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Health check() {
    HealthStatus status = HealthStatus.UP;
    Map<String, Object> details = new LinkedHashMap<>();
    for (Map.Entry<String, HealthIndicator> entry : parts.entrySet()) {
      String name = entry.getKey();
      Health part;
      try {
        part = entry.getValue().check();
      } catch (RuntimeException e) {
        log.warn("Health check {} failed", name, e);
        part = Health.down(Map.of("reason", "check failed"));
      }
      status = status.worst(part.status());
      details.put(name, part);
    }
    return new Health(status, details);
  }

  /** Names the parts of a {@link CompositeHealth}. */
  public static final class Builder {
    private final Map<String, HealthIndicator> parts = new LinkedHashMap<>();

    private Builder() {}

    /** Adds (or replaces) a part. */
    public Builder add(String name, HealthIndicator indicator) {
      parts.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(indicator, "indicator"));
      return this;
    }

    /** Builds the composite. */
    public CompositeHealth build() {
      return new CompositeHealth(parts);
    }
  }
}
