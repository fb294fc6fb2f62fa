package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which notifications a {@code subscriptions/listen} stream carries (2026-07-28): asked for in the request, and
 * the honoured subset repeated in {@code notifications/subscriptions/acknowledged}.
 *
 * @param toolsListChanged {@code notifications/tools/list_changed}
 * @param promptsListChanged {@code notifications/prompts/list_changed}
 * @param resourcesListChanged {@code notifications/resources/list_changed}
 * @param resourceSubscriptions the resources whose {@code notifications/resources/updated} to receive
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record SubscriptionFilter(
    @Nullable Boolean toolsListChanged,
    @Nullable Boolean promptsListChanged,
    @Nullable Boolean resourcesListChanged,
    @Nullable List<String> resourceSubscriptions,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public SubscriptionFilter {
    resourceSubscriptions = Checks.optionalList(resourceSubscriptions);
    additionalFields = Checks.additional(additionalFields);
  }

  /** The list changes asked for with {@code true}; the others left out. */
  public static SubscriptionFilter listChanges(boolean tools, boolean prompts, boolean resources) {
    return new SubscriptionFilter(
        tools ? Boolean.TRUE : null, prompts ? Boolean.TRUE : null, resources ? Boolean.TRUE : null, null, Map.of());
  }

  /** A copy that also asks for updates of {@code uris}. */
  public SubscriptionFilter withResourceSubscriptions(String... uris) {
    return new SubscriptionFilter(
        toolsListChanged, promptsListChanged, resourcesListChanged, List.of(uris), additionalFields);
  }
}
