package dev.conduit.transport.websocket.internal;

import dev.conduit.transport.http.internal.DaemonThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The threads every WebSocket endpoint of the JVM shares: a Jakarta endpoint has no lifecycle of its own to start and
 * stop threads with, so these are made on first use and, being daemons, never keep the JVM alive.
 */
final class WebSocketThreads {

  /** Times pings and their deadlines; never blocks. */
  static final ScheduledExecutorService TIMER = DaemonThreads.timer("conduit-websocket-timer");

  /**
   * Runs what the Jakarta API may block on (a ping, a close frame) while the peer is slow, so that neither the timer
   * nor an MCP handler waits for it.
   */
  static final ExecutorService IO = DaemonThreads.io("conduit-websocket-io");

  private WebSocketThreads() {}
}
