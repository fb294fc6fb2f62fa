package dev.conduit.protocol.internal;

import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How the session sends one outbound request.
 *
 * @param timeout how long to wait for the response; progress notifications restart the wait when {@code
 *     maxTimeout} allows
 * @param maxTimeout the longest the request may wait in all, however much progress arrives; {@code null} means
 *     progress never extends the wait
 * @param progressToken the token the request's {@code _meta.progressToken} carries (its kind and text), or null
 * @param onProgress receives the params of each {@code notifications/progress} for the token, in order, before the
 *     response completes the call
 * @param relatedRequest the inbound request this one is made on behalf of (a server-to-client request made by a
 *     handler)
 * @param cancelOnTimeout whether to send {@code notifications/cancelled} when the wait ends ({@code initialize} must
 *     not be cancelled)
 * @param onId learns the id the request goes out under, before it is sent
 */
public record CallOptions(
    @Nullable Duration timeout,
    @Nullable Duration maxTimeout,
    @Nullable RequestId progressToken,
    @Nullable Consumer<JsonPayload> onProgress,
    @Nullable RequestId relatedRequest,
    boolean cancelOnTimeout,
    @Nullable Consumer<RequestId> onId) {

  /** Plain options: a timeout ({@code null} for none), cancellation on timeout, no progress. */
  public static CallOptions of(@Nullable Duration timeout) {
    return new CallOptions(timeout, null, null, null, null, true, null);
  }

  /** A copy made on behalf of an inbound request. */
  public CallOptions relatedTo(@Nullable RequestId request) {
    return new CallOptions(timeout, maxTimeout, progressToken, onProgress, request, cancelOnTimeout, onId);
  }

  /** A copy that does not cancel on timeout. */
  public CallOptions notCancellable() {
    return new CallOptions(timeout, maxTimeout, progressToken, onProgress, relatedRequest, false, onId);
  }

  /** A copy that reports progress for {@code token} to {@code listener}. */
  public CallOptions withProgress(RequestId token, Consumer<JsonPayload> listener, @Nullable Duration max) {
    return new CallOptions(timeout, max, token, listener, relatedRequest, cancelOnTimeout, onId);
  }

  /** A copy that reports the request's id to {@code listener}. */
  public CallOptions withIdListener(Consumer<RequestId> listener) {
    return new CallOptions(timeout, maxTimeout, progressToken, onProgress, relatedRequest, cancelOnTimeout, listener);
  }
}
