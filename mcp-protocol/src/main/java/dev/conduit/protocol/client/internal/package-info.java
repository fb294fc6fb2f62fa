/** How {@code McpClient} talks to a server. Not API: may change without notice. */
@NullMarked
package dev.conduit.protocol.client.internal;

import org.jspecify.annotations.NullMarked;
