/** The simulator's implementation: HTTP dispatch, the in-memory store, the resources and the job runner. */
@NullMarked
package dev.conduit.awx.simulator.internal;

import org.jspecify.annotations.NullMarked;
