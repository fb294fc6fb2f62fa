package dev.conduit.protocol.server.internal;

/** A list whose changes clients can follow. */
enum ListKind {
  TOOLS("notifications/tools/list_changed"),
  RESOURCES("notifications/resources/list_changed"),
  PROMPTS("notifications/prompts/list_changed");

  final String notification;

  ListKind(String notification) {
    this.notification = notification;
  }
}
