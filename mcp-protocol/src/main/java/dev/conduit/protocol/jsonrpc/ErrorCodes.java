package dev.conduit.protocol.jsonrpc;

/** The JSON-RPC and MCP error codes. */
public final class ErrorCodes {

  /** Invalid JSON was received. */
  public static final int PARSE_ERROR = -32700;

  /** The JSON is not a valid request object (or message). */
  public static final int INVALID_REQUEST = -32600;

  /** The method does not exist or is not available. */
  public static final int METHOD_NOT_FOUND = -32601;

  /** Invalid method parameters; since 2026-07-28 also an unknown resource. */
  public static final int INVALID_PARAMS = -32602;

  /** An internal error of the receiver. */
  public static final int INTERNAL_ERROR = -32603;

  /** A resource does not exist (2025-11-25 and earlier). */
  public static final int RESOURCE_NOT_FOUND = -32002;

  /** The request needs the user to complete a URL-mode elicitation first (2025-11-25). */
  public static final int URL_ELICITATION_REQUIRED = -32042;

  /** An HTTP header disagrees with the message body, or is missing (2026-07-28). */
  public static final int HEADER_MISMATCH = -32020;

  /** The request needs a client capability the client did not declare (2026-07-28). */
  public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;

  /** The requested protocol version is not supported; {@code data.supported} lists those that are (2026-07-28). */
  public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

  /**
   * Too many requests from this caller (an implementation-defined code). {@code data} is a {@link RetryHint}, such as
   * {@code {"retryable": true, "retryAfterMs": 1200}}; the Streamable HTTP server answers it with HTTP 429 and {@code
   * Retry-After}.
   */
  public static final int RATE_LIMITED = -32010;

  /**
   * The upstream server is unavailable, as when a circuit breaker is open (an implementation-defined code). {@code
   * data} is a {@link RetryHint} saying when to try again.
   */
  public static final int UPSTREAM_UNAVAILABLE = -32011;

  /**
   * Too many calls are in progress at once (an implementation-defined code). {@code data} is a {@link RetryHint}.
   */
  public static final int BULKHEAD_FULL = -32012;

  private ErrorCodes() {}
}
