package dev.conduit.protocol.interceptor;

import dev.conduit.protocol.jsonrpc.JsonPayload;
import java.util.concurrent.CompletionStage;

/**
 * Observes, modifies, short-circuits or times a request.
 *
 * <p>A client's interceptors see each call it makes (one {@code tools/call}, say, however many input rounds it takes
 * to complete); a server's see each request it receives, before the request reaches its handler. An interceptor calls
 * {@link Chain#proceed} to pass the request on, possibly changed, or returns a result of its own without doing so:
 *
 * <pre>{@code
 * McpInterceptor timing = chain -> {
 *   long start = System.nanoTime();
 *   return chain.proceed(chain.request())
 *       .whenComplete((result, error) -> record(chain.request().method(), System.nanoTime() - start, error));
 * };
 * McpInterceptor readOnly = chain ->
 *   chain.request().method().equals("tools/call") && !allowed(chain.request().target())
 *       ? CompletableFuture.failedFuture(new McpException(-32602, "Tool not allowed"))
 *       : chain.proceed(chain.request());
 * }</pre>
 *
 * <p>A failed stage carries an {@link dev.conduit.protocol.McpException}, whose code and message the peer sees (on a
 * server) or the caller gets (on a client). Interceptors run on a handler thread and may block, though a
 * non-blocking interceptor leaves that thread to the handler sooner.
 */
@FunctionalInterface
public interface McpInterceptor {

  /** Handles the request in {@code chain}, usually by proceeding with it. */
  CompletionStage<JsonPayload> intercept(Chain chain);

  /** The request being intercepted and the way on to the next interceptor, then the handler or the wire. */
  interface Chain {

    /** The request as it reaches this interceptor. */
    McpRequest request();

    /**
     * Passes {@code request} to the rest of the chain and returns its result. May be called more than once; on a
     * client each call sends a request of its own, with a fresh id, and cancelling the stage it returns cancels that
     * request at the server.
     */
    CompletionStage<JsonPayload> proceed(McpRequest request);
  }
}
