package dev.conduit.transport.http.internal;

import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import dev.conduit.protocol.jsonrpc.RetryHint;
import java.time.Duration;
import java.util.Map;

/**
 * Turns a rate-limited JSON-RPC error ({@link ErrorCodes#RATE_LIMITED}) sent as a plain JSON answer into HTTP 429,
 * so that HTTP-level clients, proxies and load balancers back off too. The JSON-RPC error stays the body.
 */
final class TooManyRequests {

  static final int STATUS = 429;

  private TooManyRequests() {}

  static boolean applies(JsonRpcResponse response) {
    return response instanceof JsonRpcError error && error.error().code() == ErrorCodes.RATE_LIMITED;
  }

  /** Adds {@code Retry-After} in whole seconds, rounded up, if the error's data says when to retry. */
  static void addRetryAfter(JsonRpcResponse response, Map<String, String> headers) {
    Duration after = RetryHint.of(((JsonRpcError) response).error()).map(RetryHint::retryAfter).orElse(null);
    if (after != null) {
      long millis = after.toMillis();
      headers.put("Retry-After", Long.toString(millis / 1000 + (millis % 1000 == 0 ? 0 : 1)));
    }
  }
}
