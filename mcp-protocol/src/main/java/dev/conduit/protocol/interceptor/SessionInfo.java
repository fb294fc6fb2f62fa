package dev.conduit.protocol.interceptor;

import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.schema.ServerCapabilities;
import dev.conduit.protocol.transport.TransportContext;
import org.jspecify.annotations.Nullable;

/**
 * The connection a request travels on: the protocol revision and who is at either end. On a modern (2026-07-28)
 * request a server learns the client's side from the request itself, so it can differ from one request to the next.
 *
 * @param protocolVersion the revision in use
 * @param clientInfo the client's implementation, if it said
 * @param clientCapabilities what the client declared it can do
 * @param serverInfo the server's implementation, if known
 * @param serverCapabilities what the server declared it can do, if known
 * @param transport how the request arrived (HTTP headers, session id), empty on the client side
 */
public record SessionInfo(
    ProtocolVersion protocolVersion,
    @Nullable Implementation clientInfo,
    ClientCapabilities clientCapabilities,
    @Nullable Implementation serverInfo,
    @Nullable ServerCapabilities serverCapabilities,
    TransportContext transport) {}
