/** One structured SLF4J event per MCP request, with secret-like arguments redacted. */
@NullMarked
package dev.conduit.observability.logging;

import org.jspecify.annotations.NullMarked;
