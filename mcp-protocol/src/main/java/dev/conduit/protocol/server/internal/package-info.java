/** How {@code McpServer} serves a connection. Not API: may change without notice. */
@NullMarked
package dev.conduit.protocol.server.internal;

import org.jspecify.annotations.NullMarked;
