/** Implementation of the HTTP server transports; not for use outside this module. */
@NullMarked
package dev.conduit.transport.http.internal;

import org.jspecify.annotations.NullMarked;
