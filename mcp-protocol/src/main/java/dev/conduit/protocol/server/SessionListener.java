package dev.conduit.protocol.server;

import dev.conduit.protocol.schema.LoggingLevel;

/**
 * Told what happens to the connections an {@link McpServer} serves: when one opens and closes, when its client
 * subscribes to a resource's updates or stops, and when its client's roots change. A bridge uses it to keep an
 * upstream connection per downstream one and to mirror subscriptions upstream.
 *
 * <p>Every method has an empty default, so a listener overrides only what it needs. Methods run on the engine's
 * threads and must not block for long; an exception is logged and does not affect the connection.
 */
public interface SessionListener {

  /** A connection opened; called before any of its messages is handled. */
  default void opened(ServerSession session) {}

  /** A connection ended, by either side; called once, after {@link #unsubscribed} for its subscriptions. */
  default void closed(ServerSession session) {}

  /**
   * The client of {@code session} now follows updates of the resource at {@code uri}: a legacy {@code
   * resources/subscribe}, or a 2026-07-28 {@code subscriptions/listen} stream that names the resource. Called once per
   * connection and resource, however often the client repeats it.
   */
  default void subscribed(ServerSession session, String uri) {}

  /**
   * The client of {@code session} no longer follows the resource at {@code uri}: it unsubscribed, its listen stream
   * ended, or the connection closed.
   */
  default void unsubscribed(ServerSession session, String uri) {}

  /** The client of a legacy {@code session} set the lowest level of log messages it wants ({@code logging/setLevel}). */
  default void logLevelChanged(ServerSession session, LoggingLevel level) {}

  /** The client of {@code session} said its roots changed ({@code notifications/roots/list_changed}). */
  default void rootsListChanged(ServerSession session) {}
}
