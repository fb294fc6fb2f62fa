/**
 * MCP's stdio transport: {@link dev.conduit.transport.stdio.StdioServer} serves an {@code McpServer} on the process's
 * stdin and stdout, {@link dev.conduit.transport.stdio.StdioClientTransport} launches a server process and talks to
 * it, and {@link dev.conduit.transport.stdio.StdioTransport} speaks the same newline-delimited framing over any pair
 * of byte streams.
 */
@NullMarked
package dev.conduit.transport.stdio;

import org.jspecify.annotations.NullMarked;
