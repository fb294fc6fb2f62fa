/** Implementation detail of mcp-observability; not for users. */
@NullMarked
package dev.conduit.observability.internal;

import org.jspecify.annotations.NullMarked;
