/**
 * {@link dev.conduit.protocol.client.McpClient} (blocking) and {@link dev.conduit.protocol.client.McpAsyncClient}
 * ({@code CompletableFuture}): one client for servers of every protocol revision, which finds out which era a server
 * speaks and answers its requests for input.
 */
@NullMarked
package dev.conduit.protocol.client;

import org.jspecify.annotations.NullMarked;
