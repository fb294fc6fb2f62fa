/**
 * Observability for Conduit's MCP servers and clients: Micrometer metrics, tracing through the Observation API,
 * structured logging and a health model. Everything that watches requests is an {@link
 * dev.conduit.protocol.interceptor.McpInterceptor}; {@link dev.conduit.observability.McpObservability} bundles them.
 */
@NullMarked
package dev.conduit.observability;

import org.jspecify.annotations.NullMarked;
