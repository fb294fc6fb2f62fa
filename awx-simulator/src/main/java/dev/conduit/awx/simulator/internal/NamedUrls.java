package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * AWX's named URLs: {@code /job_templates/Deploy++Default/} stands for the template named Deploy in organization
 * Default, wherever {@code /{id}/} is accepted.
 */
final class NamedUrls {

  /** Collections whose objects are named {@code name++organization}. */
  private static final Set<String> BY_ORGANIZATION = Set.of("job_templates", "workflow_job_templates", "projects",
      "inventories", "teams", "notification_templates", "labels");

  private NamedUrls() {}

  /** The named URL of an object, or null when its kind has none here. */
  static @Nullable String of(Store store, String collection, ObjectNode node) {
    if (collection.equals("organizations")) {
      return node.path("name").asText();
    }
    if (collection.equals("users")) {
      return node.path("username").asText();
    }
    if (BY_ORGANIZATION.contains(collection)) {
      ObjectNode org = node.path("organization").isInt()
          ? store.get("organizations", node.get("organization").asInt()) : null;
      return node.path("name").asText() + "++" + (org == null ? "" : org.path("name").asText());
    }
    return null;
  }

  /** The object a path segment names, by id or named URL; 404 when there is none. */
  static ObjectNode find(Store store, String collection, String segment) throws ApiException {
    if (segment.matches("\\d+")) {
      return store.require(collection, Integer.parseInt(segment));
    }
    for (ObjectNode node : store.all(collection)) {
      if (segment.equals(of(store, collection, node))) {
        return node;
      }
    }
    throw ApiException.notFound();
  }
}
