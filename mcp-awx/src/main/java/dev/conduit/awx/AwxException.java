package dev.conduit.awx;

import org.jspecify.annotations.Nullable;

/**
 * A failed AWX call: an error status, or no answer at all (status 0: connection refused, timeout, unreadable body).
 *
 * <p>{@link #awxMessage()} is AWX's own explanation, taken from the body's {@code detail}, {@code error}, {@code
 * msg} or {@code __all__} field, or else from its per-field error lists. {@link #requestId()} is AWX's {@code
 * X-API-Request-Id}, for matching the call with AWX's logs. Nothing here holds a credential.
 */
public class AwxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String method;
  private final String path;
  private final String awxMessage;
  private final @Nullable String body;
  private final @Nullable String requestId;

  /**
   * A failure.
   *
   * @param status the HTTP status, or 0 if AWX did not answer
   * @param method the HTTP method
   * @param path the path called (no host, no credentials)
   * @param awxMessage what went wrong, in AWX's words where AWX said
   * @param body the response body, with secrets masked, or {@code null}
   * @param requestId AWX's {@code X-API-Request-Id}, or {@code null}
   * @param cause the underlying I/O failure, or {@code null}
   */
  public AwxException(
      int status, String method, String path, String awxMessage, @Nullable String body,
      @Nullable String requestId, @Nullable Throwable cause) {
    super(describe(status, method, path, awxMessage, requestId), cause);
    this.status = status;
    this.method = method;
    this.path = path;
    this.awxMessage = awxMessage;
    this.body = body;
    this.requestId = requestId;
  }

  private static String describe(
      int status, String method, String path, String message, @Nullable String requestId) {
    String head = status == 0 ? "AWX did not answer " : "AWX answered " + status + " to ";
    return head + method + " " + path + ": " + message + (requestId == null ? "" : " (request id " + requestId + ")");
  }

  /** The HTTP status, or 0 when AWX did not answer. */
  public int status() {
    return status;
  }

  /** The HTTP method of the failed call. */
  public String method() {
    return method;
  }

  /** The path of the failed call. */
  public String path() {
    return path;
  }

  /** AWX's explanation, or a description of the I/O failure. */
  public String awxMessage() {
    return awxMessage;
  }

  /** The response body (secret-looking values masked), or {@code null}. */
  public @Nullable String body() {
    return body;
  }

  /** AWX's {@code X-API-Request-Id}, or {@code null}. */
  public @Nullable String requestId() {
    return requestId;
  }

  /** Whether AWX did not answer (a connection error or a timeout). */
  public boolean isConnectionFailure() {
    return status == 0;
  }

  /** Whether the object does not exist (404). */
  public boolean isNotFound() {
    return status == 404;
  }

  /** Whether the credentials were missing or wrong (401). */
  public boolean isUnauthorized() {
    return status == 401;
  }
}
