/**
 * Client-side HTTP transports for MCP, on OkHttp: {@link
 * dev.conduit.transport.http.client.StreamableHttpClientTransport} (Streamable HTTP, every revision from 2025-03-26
 * to 2026-07-28, falling back to the old transport when a server only speaks that) and {@link
 * dev.conduit.transport.http.client.SseClientTransport} (the HTTP+SSE transport of 2024-11-05).
 */
@NullMarked
package dev.conduit.transport.http.client;

import org.jspecify.annotations.NullMarked;
