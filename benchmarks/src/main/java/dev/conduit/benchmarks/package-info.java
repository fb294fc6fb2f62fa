/**
 * JMH benchmarks: MCP {@code tools/call} round trips through Conduit, the official MCP Java SDK 2.2.0 and the raw
 * ceiling of Conduit's stack (the same bytes with no MCP logic), over Streamable HTTP and stdio. {@link
 * dev.conduit.benchmarks.Main} runs them and prints the comparison table.
 */
@NullMarked
package dev.conduit.benchmarks;

import org.jspecify.annotations.NullMarked;
