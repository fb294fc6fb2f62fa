/** How the HTTP client transports work. Not API: may change without notice. */
@NullMarked
package dev.conduit.transport.http.client.internal;

import org.jspecify.annotations.NullMarked;
