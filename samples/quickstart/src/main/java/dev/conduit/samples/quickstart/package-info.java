/** A server and a client in one JVM, showing one tool handler serving both protocol eras. */
@NullMarked
package dev.conduit.samples.quickstart;

import org.jspecify.annotations.NullMarked;
