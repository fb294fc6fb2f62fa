package dev.conduit.transport.internal;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The argument checks of the transports' builders, with the messages they all give. */
public final class Checks {

  private Checks() {}

  /** {@code value}, if it is longer than zero. */
  public static Duration positive(@Nullable Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /** {@code value}, if it is zero or longer. */
  public static Duration nonNegative(@Nullable Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
    return value;
  }

  /** {@code value}, if it is above zero. */
  public static int positive(int value, String name) {
    return (int) positive((long) value, name);
  }

  /** {@code value}, if it is above zero. */
  public static long positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }
}
