/**
 * How the stdio transports work inside: line splitting in a reusable buffer, the single writer thread, the child
 * process lifecycle. Not API: users must not import it.
 */
@NullMarked
package dev.conduit.transport.stdio.internal;

import org.jspecify.annotations.NullMarked;
