/**
 * Observations (spans, with a tracer bridge) of MCP requests after the OpenTelemetry semantic conventions for MCP,
 * with W3C trace context carried in {@code params._meta}.
 */
@NullMarked
package dev.conduit.observability.tracing;

import org.jspecify.annotations.NullMarked;
