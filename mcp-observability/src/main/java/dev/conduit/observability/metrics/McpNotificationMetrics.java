package dev.conduit.observability.metrics;

import dev.conduit.protocol.client.McpClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * The counter {@code mcp.client.notifications}, tagged {@code method}: the notifications a client receives from its
 * server and hands to its listeners. Interceptors see requests only, so this counts through the listeners an {@link
 * McpClient.Builder} already has:
 *
 * <pre>{@code
 * McpClient.Builder builder = McpClient.builder().transport(transport);
 * McpNotificationMetrics.bindTo(builder, meterRegistry);
 * }</pre>
 *
 * <p>Counted: {@code notifications/message}, {@code notifications/progress}, the three {@code list_changed}
 * notifications, {@code notifications/resources/updated} and {@code notifications/elicitation/complete}. Not
 * counted: notifications the engine consumes itself (cancellation, the acknowledgement of a {@code
 * subscriptions/listen}), and notifications a server sends (a server sees none of them pass an interceptor).
 */
public final class McpNotificationMetrics {

  private McpNotificationMetrics() {}

  /** Adds listeners to {@code builder} that count each notification into {@code registry}; returns the builder. */
  public static McpClient.Builder bindTo(McpClient.Builder builder, MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    Counter log = counter(registry, "notifications/message");
    Counter progress = counter(registry, "notifications/progress");
    Counter tools = counter(registry, "notifications/tools/list_changed");
    Counter resources = counter(registry, "notifications/resources/list_changed");
    Counter prompts = counter(registry, "notifications/prompts/list_changed");
    Counter updated = counter(registry, "notifications/resources/updated");
    Counter elicitation = counter(registry, "notifications/elicitation/complete");
    return builder
        .onLog(message -> log.increment())
        .onProgress(notification -> progress.increment())
        .onToolsListChanged(tools::increment)
        .onResourcesListChanged(resources::increment)
        .onPromptsListChanged(prompts::increment)
        .onResourceUpdated(uri -> updated.increment())
        .onElicitationComplete(id -> elicitation.increment());
  }

  private static Counter counter(MeterRegistry registry, String method) {
    return Counter.builder("mcp.client.notifications")
        .description("Notifications the client received and delivered to its listeners")
        .tag("method", method)
        .register(registry);
  }
}
