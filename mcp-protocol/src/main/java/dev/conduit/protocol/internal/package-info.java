/** The session engine and the threads it runs on. Not API: may change without notice. */
@NullMarked
package dev.conduit.protocol.internal;

import org.jspecify.annotations.NullMarked;
