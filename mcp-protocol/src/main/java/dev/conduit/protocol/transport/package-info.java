/**
 * The transport SPI: a {@link dev.conduit.protocol.transport.McpTransport} moves JSON-RPC messages for one logical
 * connection and does not interpret them. Also the {@link dev.conduit.protocol.transport.InMemoryTransport} pair for
 * tests and in-process use.
 */
@NullMarked
package dev.conduit.protocol.transport;

import org.jspecify.annotations.NullMarked;
