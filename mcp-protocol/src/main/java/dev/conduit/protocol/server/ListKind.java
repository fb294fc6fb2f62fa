package dev.conduit.protocol.server;

/** A list of a server's features whose changes clients can follow. */
public enum ListKind {
  /** The tools. */
  TOOLS("notifications/tools/list_changed"),
  /** The resources and resource templates. */
  RESOURCES("notifications/resources/list_changed"),
  /** The prompts. */
  PROMPTS("notifications/prompts/list_changed");

  private final String notification;

  ListKind(String notification) {
    this.notification = notification;
  }

  /** The method of the notification that announces a change, such as {@code notifications/tools/list_changed}. */
  public String notification() {
    return notification;
  }
}
