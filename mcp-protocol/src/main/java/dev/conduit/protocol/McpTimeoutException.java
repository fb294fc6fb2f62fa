package dev.conduit.protocol;

import java.time.Duration;

/**
 * A request got no response in time. The request was cancelled at the peer ({@code notifications/cancelled}) and a
 * late response will be ignored.
 */
public final class McpTimeoutException extends McpException {

  private static final long serialVersionUID = 1L;

  /** The code the TypeScript reference implementation uses for a request timeout. */
  public static final int CODE = -32001;

  private final transient Duration timeout;

  public McpTimeoutException(String method, Duration timeout) {
    super(CODE, "Request " + method + " timed out after " + timeout.toMillis() + " ms");
    this.timeout = timeout;
  }

  /** How long the request waited. */
  public Duration timeout() {
    return timeout;
  }
}
