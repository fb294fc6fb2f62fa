/**
 * MCP over WebSocket, which the specification does not define but gateways serve: one logical connection carrying
 * one JSON-RPC message per text frame in both directions, for clients of either protocol era.
 *
 * <ul>
 *   <li>{@link dev.conduit.transport.websocket.WebSocketClientTransport}: the client end, on OkHttp;
 *   <li>{@link dev.conduit.transport.websocket.McpWebSocket}: the server end, a Jakarta WebSocket endpoint that an
 *       application adds to its container (embedded Jetty, Tomcat, Spring Boot), configured by {@link
 *       dev.conduit.transport.websocket.WebSocketOptions}.
 * </ul>
 *
 * <p>Both ends offer or accept the subprotocol {@value dev.conduit.transport.websocket.McpWebSocket#SUBPROTOCOL}.
 * What cannot be a message (text that is not JSON-RPC, a message over the size limit, a binary frame) is answered
 * with a JSON-RPC error whose id is null, and the connection goes on, as on stdio.
 */
@NullMarked
package dev.conduit.transport.websocket;

import org.jspecify.annotations.NullMarked;
