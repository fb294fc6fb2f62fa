package dev.conduit.resilience.internal;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.McpTimeoutException;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.RetryHint;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** How the interceptors read a failed call. */
final class Failures {

  private Failures() {}

  /** The failure inside the wrappers that completion stages add. */
  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * Whether the failure says the upstream is unwell: the connection failed or closed, the call timed out, or the
   * server reported an internal error. A tool result with {@code isError} is not a failure at all, and the other
   * protocol errors (unknown method, bad parameters) say nothing about the upstream's health.
   */
  static boolean isUpstreamFailure(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof CancellationException) {
      return false;
    }
    if (!(cause instanceof McpException mcp)) {
      return true;
    }
    return mcp instanceof McpConnectionClosedException
        || mcp instanceof McpTimeoutException
        || mcp.code() == McpConnectionClosedException.CODE
        || mcp.code() == McpTimeoutException.CODE
        || mcp.code() == ErrorCodes.INTERNAL_ERROR;
  }

  /** Whether a safe-to-repeat call that failed this way is worth another attempt. */
  static boolean isRetryable(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof CancellationException) {
      return false;
    }
    return isUpstreamFailure(cause) || hint(cause).isPresent();
  }

  /** The retry hint the error carries, if it says it may be retried. */
  static Optional<RetryHint> hint(Throwable failure) {
    Throwable cause = unwrap(failure);
    return cause instanceof McpException mcp ? RetryHint.of(mcp.data()) : Optional.empty();
  }

  static McpException rejected(int code, String message, @Nullable RetryHint hint) {
    return new McpException(code, message, (hint == null ? RetryHint.retryable() : hint).toData());
  }
}
