package dev.conduit.resilience.internal;

import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Limits how many calls are in progress at once: to the upstream as a whole, and to each tool. A call beyond either
 * limit fails at once with {@link ErrorCodes#BULKHEAD_FULL}, marked retryable. The bulkheads come from the user's
 * registry (a {@code maxWaitDuration} there makes a full bulkhead block the calling thread that long first).
 */
public final class BulkheadInterceptor implements McpInterceptor {

  private final String upstream;
  private final Bulkhead whole;
  private final BulkheadRegistry registry;
  private final @Nullable String toolConfig;

  /**
   * Bulkheads named after {@code upstream}, from {@code registry}.
   *
   * @param toolConfig the registry's configuration for per-tool bulkheads (its default one if it has none so named),
   *     or {@code null} for no per-tool bulkheads
   */
  public BulkheadInterceptor(BulkheadRegistry registry, String upstream, @Nullable String toolConfig) {
    this.upstream = upstream;
    this.registry = registry;
    this.toolConfig = toolConfig;
    this.whole = registry.bulkhead(upstream);
  }

  @Override
  public CompletionStage<JsonPayload> intercept(Chain chain) {
    McpRequest request = chain.request();
    String config = toolConfig;
    String tool = config != null && request.method().equals("tools/call") ? request.target() : null;
    Bulkhead perTool = tool == null || config == null ? null : toolBulkhead(tool, config);
    if (!whole.tryAcquirePermission()) {
      return full(upstream);
    }
    if (perTool != null && !perTool.tryAcquirePermission()) {
      whole.releasePermission();
      return full("tool " + tool + " of " + upstream);
    }
    return Stages.whenDone(chain.proceed(request), (payload, failure) -> {
      if (perTool != null) {
        perTool.onComplete();
      }
      whole.onComplete();
    });
  }

  private Bulkhead toolBulkhead(String tool, String config) {
    String name = upstream + "/tools/" + tool;
    return registry.getConfiguration(config)
        .map(configured -> registry.bulkhead(name, configured))
        .orElseGet(() -> registry.bulkhead(name));
  }

  private static CompletionStage<JsonPayload> full(String what) {
    return CompletableFuture.failedFuture(Failures.rejected(ErrorCodes.BULKHEAD_FULL,
        "Too many calls in progress to " + what, null));
  }
}
