package dev.conduit.protocol.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} of an error that may be retried, and when: {@code {"retryable": true, "retryAfterMs": 1200}}.
 * Rate limiters, circuit breakers and bulkheads put it on their errors; a retrying client reads it back.
 *
 * <pre>{@code
 * throw new McpException(ErrorCodes.RATE_LIMITED, "Rate limited", RetryHint.after(Duration.ofSeconds(2)).toData());
 * Optional<RetryHint> hint = RetryHint.of(exception.data());
 * }</pre>
 *
 * @param retryAfter how long to wait before trying again; {@code null} if the sender did not say
 */
public record RetryHint(@Nullable Duration retryAfter) {

  /** The member that says the request may be tried again. */
  public static final String RETRYABLE = "retryable";

  /** The member that says after how many milliseconds. */
  public static final String RETRY_AFTER_MS = "retryAfterMs";

  /** A hint; a negative delay means now. */
  public RetryHint {
    if (retryAfter != null && retryAfter.isNegative()) {
      retryAfter = Duration.ZERO;
    }
  }

  /** Retryable, without saying when. */
  public static RetryHint retryable() {
    return new RetryHint(null);
  }

  /** Retryable after {@code delay}. */
  public static RetryHint after(Duration delay) {
    return new RetryHint(delay);
  }

  /** The hint in {@code data}, if it holds {@code "retryable": true}. */
  public static Optional<RetryHint> of(@Nullable JsonPayload data) {
    if (data == null) {
      return Optional.empty();
    }
    JsonNode tree;
    try {
      tree = data.tree();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    if (!tree.path(RETRYABLE).asBoolean(false)) {
      return Optional.empty();
    }
    JsonNode after = tree.get(RETRY_AFTER_MS);
    return Optional.of(new RetryHint(
        after != null && after.canConvertToLong() ? Duration.ofMillis(Math.max(0, after.asLong())) : null));
  }

  /** The hint in an error's {@code data}, if it holds {@code "retryable": true}. */
  public static Optional<RetryHint> of(ErrorObject error) {
    return of(error.data());
  }

  /** The hint as an error's {@code data}. */
  public ObjectNode toData() {
    ObjectNode data = JsonNodeFactory.instance.objectNode().put(RETRYABLE, true);
    if (retryAfter != null) {
      data.put(RETRY_AFTER_MS, retryAfter.toMillis());
    }
    return data;
  }
}
