/**
 * {@link dev.conduit.protocol.server.McpServer}: tools, resources, prompts and completions served to clients of both
 * protocol eras, by one set of handlers.
 */
@NullMarked
package dev.conduit.protocol.server;

import org.jspecify.annotations.NullMarked;
