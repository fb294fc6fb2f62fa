/** Implementation of the JSON-RPC codec. Not API: may change without notice. */
@NullMarked
package dev.conduit.protocol.jsonrpc.internal;

import org.jspecify.annotations.NullMarked;
