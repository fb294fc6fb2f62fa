/** What the transports of this module share; not for use outside it. */
@NullMarked
package dev.conduit.transport.internal;

import org.jspecify.annotations.NullMarked;
