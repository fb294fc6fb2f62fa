package dev.conduit.protocol.server.internal;

import dev.conduit.protocol.jsonrpc.RequestId;

/**
 * Where what a handler sends about its request goes: the connection and request the client is waiting on, and what
 * that request asked for (its progress token, its log level). A call held across 2026-07-28 input rounds moves from
 * one round's request to the next.
 */
record RoundTarget(ServerConnection connection, RequestId requestId, RequestScope scope) {}
