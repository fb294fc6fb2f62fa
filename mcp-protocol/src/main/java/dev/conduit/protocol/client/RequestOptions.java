package dev.conduit.protocol.client;

import dev.conduit.protocol.schema.ProgressNotificationParams;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Options for one call: how long to wait, and where progress goes.
 *
 * @param timeout how long to wait for the response; {@code null} for the client's default
 * @param onProgress receives the server's progress notifications for this call, in order, before the call
 *     completes; {@code null} asks for no progress
 */
public record RequestOptions(@Nullable Duration timeout, @Nullable Consumer<ProgressNotificationParams> onProgress) {

  private static final RequestOptions DEFAULTS = new RequestOptions(null, null);

  /** The client's defaults. */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /** Waits at most {@code timeout}. */
  public static RequestOptions timeout(Duration timeout) {
    return new RequestOptions(timeout, null);
  }

  /** Reports progress to {@code listener}. */
  public static RequestOptions progress(Consumer<ProgressNotificationParams> listener) {
    return new RequestOptions(null, listener);
  }

  /** A copy that waits at most {@code timeout}. */
  public RequestOptions withTimeout(@Nullable Duration timeout) {
    return new RequestOptions(timeout, onProgress);
  }

  /** A copy that reports progress to {@code listener}. */
  public RequestOptions withProgress(@Nullable Consumer<ProgressNotificationParams> listener) {
    return new RequestOptions(timeout, listener);
  }
}
