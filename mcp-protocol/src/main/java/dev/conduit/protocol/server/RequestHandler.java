package dev.conduit.protocol.server;

import dev.conduit.protocol.jsonrpc.JsonPayload;
import java.util.concurrent.CompletionStage;

/**
 * Serves one request method with its raw parameters and an asynchronous result: the handler of a bridge, a proxy,
 * or any server whose features live somewhere else. Nothing is bound: the parameters arrive as the client sent them
 * and the result goes out as the stage completes with it, so forwarding a large payload copies its bytes and never
 * parses them.
 *
 * <pre>{@code
 * McpServer proxy = McpServer.builder()
 *     .capabilities(upstream.serverCapabilities())
 *     .requestHandler("tools/call", (params, ctx) -> {
 *       CompletableFuture<JsonPayload> call = upstream.async().request("tools/call", params, RequestOptions.defaults());
 *       ctx.onCancel(() -> call.cancel(true));
 *       return call;
 *     })
 *     .build();
 * }</pre>
 *
 * <p>The engine still does what is the same for every method: the era of the request, its {@code _meta}, the
 * interceptors, the shape of a 2026-07-28 result ({@code resultType}, the server's info), the JSON-RPC envelope.
 * When the request is cancelled (the client's {@code notifications/cancelled}, a closed response stream, the end of
 * the connection), the engine cancels the stage the handler returned and runs the context's {@link
 * RequestContext#onCancel} callbacks: use them to cancel what the stage depends on.
 *
 * <p>A stage that fails with an {@link dev.conduit.protocol.McpException} answers with its code, message and data; a
 * failure of a connection the handler made itself (a closed connection, a timeout, an HTTP error of an upstream)
 * answers with a stable message that names no host; any other failure is an internal error whose details go only to
 * the server's log. A handler asks the client for input with {@link RequestContext#requestInputAsync}, which never
 * blocks and works in both eras.
 */
@FunctionalInterface
public interface RequestHandler {

  /**
   * Serves a request. Must not block for long: return a stage and complete it later.
   *
   * @param params the request's parameters as the client sent them ({@code {}} if it sent none), {@code _meta}
   *     included
   * @param context the request's context
   * @return the result, completed when it is known
   */
  CompletionStage<JsonPayload> handle(JsonPayload params, RequestContext context);
}
