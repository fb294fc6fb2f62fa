/** Loopback tests of the resilience interceptors against real servers. */
@NullMarked
package dev.conduit.resilience;

import org.jspecify.annotations.NullMarked;
