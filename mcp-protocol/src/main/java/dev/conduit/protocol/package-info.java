/**
 * The Model Context Protocol core: protocol revisions, errors, and the entry points {@code McpServer} and
 * {@code McpClient} in the sub-packages.
 */
@NullMarked
package dev.conduit.protocol;

import org.jspecify.annotations.NullMarked;
