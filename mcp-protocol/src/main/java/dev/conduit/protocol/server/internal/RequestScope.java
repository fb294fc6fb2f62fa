package dev.conduit.protocol.server.internal;

import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.ProgressToken;
import org.jspecify.annotations.Nullable;

/**
 * What the server established about one request before handling it: its era, revision, client and the per-request
 * options the client chose.
 *
 * @param modern whether the request is a self-describing 2026-07-28 request
 * @param version the revision
 * @param clientInfo the client, if known
 * @param clientCapabilities the client's capabilities (empty if it declared none)
 * @param logLevel the lowest level of log messages the client wants for this request; {@code null} means none (on
 *     a modern request) or the connection's level (on a legacy one)
 * @param progressToken the token for progress notifications, or {@code null} if the client asked for none
 */
record RequestScope(
    boolean modern,
    ProtocolVersion version,
    @Nullable Implementation clientInfo,
    ClientCapabilities clientCapabilities,
    @Nullable LoggingLevel logLevel,
    @Nullable ProgressToken progressToken) {}
