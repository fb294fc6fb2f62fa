package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code notification_templates/{id}/test/}: records a notification as sent. A webhook whose {@code url} contains
 * {@code fail} records it as failed, as an unreachable receiver would.
 */
final class Notifications {

  private final Store store;

  Notifications(Store store) {
    this.store = store;
  }

  Response test(Request request, ObjectNode template) throws ApiException {
    if (!request.method().equals("POST")) {
      throw ApiException.methodNotAllowed(request.method());
    }
    int id = store.nextId("notifications");
    String now = store.now();
    boolean fails = template.path("notification_configuration").path("url").asText().contains("fail");
    ObjectNode notification = Json.of("id", id, "type", "notification", "url", store.link("notifications", id));
    notification.set("related", Json.of("notification_template", template.get("url").asText()));
    notification.set("summary_fields", Json.of("notification_template", Json.of("id", template.get("id").asInt(),
        "name", template.path("name").asText(), "description", template.path("description").asText())));
    notification.put("created", now);
    notification.put("modified", now);
    notification.put("notification_template", template.get("id").asInt());
    notification.put("error", fails ? "Error sending notification webhook: 503 Service Unavailable" : "");
    notification.put("status", fails ? "failed" : "successful");
    notification.put("notifications_sent", fails ? 0 : 1);
    notification.put("notification_type", template.path("notification_type").asText());
    notification.put("recipients", template.path("notification_configuration").path("url").asText(""));
    notification.put("subject", "Tower Notification Test " + template.get("id").asInt() + " https://awx-simulator");
    notification.putNull("body");
    store.put("notifications", notification);
    return Response.created(202, Json.of("notification", id), notification.get("url").asText());
  }
}
