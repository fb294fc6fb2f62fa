/**
 * The one extension seam: {@link dev.conduit.protocol.interceptor.McpInterceptor}s wrap every request a client sends
 * and every request a server receives, in the manner of OkHttp's {@code Interceptor.Chain}. Metrics, tracing,
 * logging, retry, circuit breaking, rate limiting, authorisation and tenant routing are interceptors.
 */
@NullMarked
package dev.conduit.protocol.interceptor;

import org.jspecify.annotations.NullMarked;
