/** A small health model (up, degraded, down) for MCP servers, sessions and upstream clients. */
@NullMarked
package dev.conduit.observability.health;

import org.jspecify.annotations.NullMarked;
