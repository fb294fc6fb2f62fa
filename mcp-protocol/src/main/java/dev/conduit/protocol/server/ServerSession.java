package dev.conduit.protocol.server;

import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.schema.Implementation;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** One connection an {@link McpServer} serves. */
public interface ServerSession extends AutoCloseable {

  /**
   * The protocol version negotiated by {@code initialize}; {@code null} before it, and on a connection that only
   * carries modern (2026-07-28) requests, which say their version themselves.
   */
  @Nullable ProtocolVersion protocolVersion();

  /** The client's implementation as {@code initialize} declared it, or {@code null}. */
  @Nullable Implementation clientInfo();

  /**
   * Tells the client that the URL-mode elicitation {@code elicitationId} is complete (for example when the user
   * finished an OAuth flow the elicitation pointed at). Only 2025-11-25 connections have this notification.
   *
   * @return whether the notification was sent: false if the connection's revision has no such notification
   */
  boolean notifyElicitationComplete(String elicitationId);

  /** Whether the connection has ended. */
  boolean isClosed();

  /** Completes when the connection ends, by either side. */
  CompletionStage<Void> closeFuture();

  /** Ends the connection. Requests in progress are cancelled. */
  @Override
  void close();
}
