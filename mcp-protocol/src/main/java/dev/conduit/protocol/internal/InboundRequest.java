package dev.conduit.protocol.internal;

import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.transport.TransportContext;
import org.jspecify.annotations.Nullable;

/**
 * A request that arrived on a session, with its cancellation state.
 *
 * @param id the request id
 * @param method the method
 * @param params the parameters, or {@code null}
 * @param context how it arrived
 * @param cancellation cancelled when the peer sends {@code notifications/cancelled} or the session closes
 */
public record InboundRequest(
    RequestId id, String method, @Nullable JsonPayload params, TransportContext context,
    Cancellation cancellation) {}
