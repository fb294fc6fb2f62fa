/**
 * Bridging: an {@link dev.conduit.transport.bridge.McpBridge} serves one upstream MCP server to downstream clients over
 * any front door, across transports and protocol eras. Requests, results and errors, progress, cancellation, logging,
 * list changes, resource subscriptions and the server's requests for input cross it in both directions.
 */
@NullMarked
package dev.conduit.transport.bridge;

import org.jspecify.annotations.NullMarked;
