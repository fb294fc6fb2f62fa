/** MCP tools over the AWX client, grouped into toolsets that a deployment enables by name. */
@NullMarked
package dev.conduit.awx.tools;

import org.jspecify.annotations.NullMarked;
