/**
 * Retry, circuit breaking, rate limiting, bulkheads and time limits for MCP calls, as {@link
 * dev.conduit.protocol.interceptor.McpInterceptor}s backed by resilience4j. Nothing is subclassed: a bundle adds its
 * interceptors to a client's or a server's builder.
 *
 * <h2>Order</h2>
 *
 * <p>A client's interceptors run, outermost first:
 *
 * <ol>
 *   <li><b>rate limit</b> per upstream: refuses calls beyond the rate before they cost anything;
 *   <li><b>bulkhead</b> per upstream and per tool: refuses calls beyond the concurrency limits;
 *   <li><b>circuit breaker</b> per upstream: fails at once while the upstream is known to be down, and counts one
 *       outcome per call, however many attempts the retry made;
 *   <li><b>retry</b>: repeats only what is safe to repeat, with backoff, honouring a server's {@code retryAfterMs};
 *   <li><b>time limit</b>: bounds each attempt; its expiry cancels the request at the server.
 * </ol>
 *
 * <p>A server's: rate limit per caller ({@link dev.conduit.resilience.CallerIdentity}), then a bulkhead for the whole
 * server.
 *
 * <p>Every refusal is a JSON-RPC error whose {@code data} is a {@link dev.conduit.protocol.jsonrpc.RetryHint} ({@code
 * {"retryable": true, "retryAfterMs": ...}}): {@link dev.conduit.protocol.jsonrpc.ErrorCodes#RATE_LIMITED}, {@link
 * dev.conduit.protocol.jsonrpc.ErrorCodes#BULKHEAD_FULL}, {@link
 * dev.conduit.protocol.jsonrpc.ErrorCodes#UPSTREAM_UNAVAILABLE}.
 */
@NullMarked
package dev.conduit.resilience;

import org.jspecify.annotations.NullMarked;
