package dev.conduit.transport;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits, boundedly, for what a test expects to become true on another thread. */
public final class Eventually {

  private static final long WAIT_SECONDS = 30;

  private Eventually() {}

  /** Whether {@code condition} held within 30 seconds; checked every 10 ms. */
  public static boolean holds(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }
}
