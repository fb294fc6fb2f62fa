/** Implementation of the WebSocket transports; not for use outside this module. */
@NullMarked
package dev.conduit.transport.websocket.internal;

import org.jspecify.annotations.NullMarked;
