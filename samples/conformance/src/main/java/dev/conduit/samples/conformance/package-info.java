/**
 * The "everything" server and the scenario-dispatching client that the official MCP conformance suite (0.2.0-alpha.12)
 * tests: exactly the fixtures its scenarios expect.
 */
@NullMarked
package dev.conduit.samples.conformance;

import org.jspecify.annotations.NullMarked;
