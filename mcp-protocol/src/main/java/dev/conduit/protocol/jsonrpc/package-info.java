/**
 * JSON-RPC 2.0 messages and their codec.
 *
 * <p>{@link dev.conduit.protocol.jsonrpc.JsonRpcCodec} reads a message envelope in one streaming pass and keeps
 * {@code params}, {@code result} and {@code error.data} as raw {@link dev.conduit.protocol.jsonrpc.JsonPayload}s,
 * bound to Java types only when someone asks. A message can therefore be forwarded, or re-sent under a new id,
 * without re-serialising a payload nobody looked at.
 */
@NullMarked
package dev.conduit.protocol.jsonrpc;

import org.jspecify.annotations.NullMarked;
