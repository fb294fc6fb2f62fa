package dev.conduit.protocol.internal;

import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.interceptor.McpRequest;

import dev.conduit.protocol.jsonrpc.JsonPayload;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Runs a request through a list of interceptors and then a terminal step. */
public final class InterceptorChain {

  private InterceptorChain() {}

  /**
   * Passes {@code request} through {@code interceptors} in order, then to {@code terminal}. An interceptor that
   * throws instead of returning a stage fails the request with what it threw.
   */
  public static CompletionStage<JsonPayload> run(
      List<McpInterceptor> interceptors,
      McpRequest request,
      Function<McpRequest, CompletionStage<JsonPayload>> terminal) {
    return new RealChain(interceptors, 0, request, terminal).proceed(request);
  }

  private record RealChain(
      List<McpInterceptor> interceptors,
      int index,
      McpRequest request,
      Function<McpRequest, CompletionStage<JsonPayload>> terminal)
      implements McpInterceptor.Chain {

    @Override
    public CompletionStage<JsonPayload> proceed(McpRequest next) {
      try {
        if (index == interceptors.size()) {
          return terminal.apply(next);
        }
        RealChain rest = new RealChain(interceptors, index + 1, next, terminal);
        CompletionStage<JsonPayload> result = interceptors.get(index).intercept(rest);
        if (result == null) {
          return CompletableFuture.failedFuture(
              new IllegalStateException("Interceptor " + interceptors.get(index) + " returned null"));
        }
        return result;
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
  }
}
