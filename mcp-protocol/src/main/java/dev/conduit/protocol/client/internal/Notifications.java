package dev.conduit.protocol.client.internal;

import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.schema.LoggingMessageNotificationParams;
import dev.conduit.protocol.schema.ProgressNotificationParams;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a server's notifications to the client's listeners, in the order they arrived. A listener that throws, or
 * a notification that does not bind, is logged and skipped.
 *
 * @param onLog log messages
 * @param onProgress every progress notification (a call's own listener gets its progress too)
 * @param onToolsChanged the tool list changed
 * @param onResourcesChanged the resource list changed
 * @param onPromptsChanged the prompt list changed
 * @param onResourceUpdated a subscribed resource changed (its URI)
 * @param onElicitationComplete a URL-mode elicitation finished (its id)
 * @param onAny every notification, raw, after the listeners above
 */
public record Notifications(
    List<Consumer<LoggingMessageNotificationParams>> onLog,
    List<Consumer<ProgressNotificationParams>> onProgress,
    List<Runnable> onToolsChanged,
    List<Runnable> onResourcesChanged,
    List<Runnable> onPromptsChanged,
    List<Consumer<String>> onResourceUpdated,
    List<Consumer<String>> onElicitationComplete,
    List<Consumer<JsonRpcNotification>> onAny) {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  void dispatch(JsonRpcNotification notification) {
    JsonPayload params = notification.params();
    try {
      switch (notification.method()) {
        case "notifications/message" -> each(onLog, bind(params, LoggingMessageNotificationParams.class));
        case "notifications/progress" -> each(onProgress, bind(params, ProgressNotificationParams.class));
        case "notifications/tools/list_changed" -> run(onToolsChanged);
        case "notifications/resources/list_changed" -> run(onResourcesChanged);
        case "notifications/prompts/list_changed" -> run(onPromptsChanged);
        case "notifications/resources/updated" -> each(onResourceUpdated, text(params, "uri"));
        case "notifications/elicitation/complete" -> each(onElicitationComplete, text(params, "elicitationId"));
        default -> log.debug("Ignoring notification {}", notification.method());
      }
    } catch (IllegalArgumentException e) {
      log.debug("Ignoring malformed {}: {}", notification.method(), e.getMessage());
    }
    each(onAny, notification);
  }

  private static <T> T bind(@Nullable JsonPayload params, Class<T> type) {
    if (params == null) {
      throw new IllegalArgumentException("missing params");
    }
    return params.as(type);
  }

  private static String text(@Nullable JsonPayload params, String member) {
    String value = params == null ? null : params.memberText(member);
    if (value == null) {
      throw new IllegalArgumentException("missing " + member);
    }
    return value;
  }

  private static <T> void each(List<Consumer<T>> listeners, T value) {
    for (Consumer<T> listener : listeners) {
      try {
        listener.accept(value);
      } catch (RuntimeException e) {
        log.warn("Notification listener failed", e);
      }
    }
  }

  private static void run(List<Runnable> listeners) {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        log.warn("Notification listener failed", e);
      }
    }
  }
}
