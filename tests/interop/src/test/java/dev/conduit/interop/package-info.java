/** Interoperability tests: Conduit against the official MCP conformance suite, reference server and Inspector CLI. */
@NullMarked
package dev.conduit.interop;

import org.jspecify.annotations.NullMarked;
