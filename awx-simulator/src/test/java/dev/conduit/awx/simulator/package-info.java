/** Tests of the AWX simulator over real HTTP. */
@NullMarked
package dev.conduit.awx.simulator;

import org.jspecify.annotations.NullMarked;
