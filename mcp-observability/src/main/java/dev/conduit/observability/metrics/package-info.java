/**
 * Micrometer meters for MCP requests, sessions, notifications and running tool calls; the module's README lists
 * every meter with its tags.
 */
@NullMarked
package dev.conduit.observability.metrics;

import org.jspecify.annotations.NullMarked;
