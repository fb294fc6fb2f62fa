/**
 * {@code conduit-gateway}: one upstream MCP server, of any transport and era, served to downstream clients over
 * Streamable HTTP, legacy HTTP+SSE and WebSocket on one port, and/or over stdio. A sample application built on {@link
 * dev.conduit.transport.bridge.McpBridge}.
 */
@NullMarked
package dev.conduit.samples.gateway;

import org.jspecify.annotations.NullMarked;
