package dev.conduit.transport.http.client.internal;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Streamable HTTP client learns when it initializes: the session id the server assigned, the protocol version
 * negotiated, and the {@code initialize} request itself, which is replayed when the server forgets the session.
 */
final class SessionState {

  private static final Logger log = LoggerFactory.getLogger(SessionState.class);

  private @Nullable String sessionId;
  private @Nullable String protocolVersion;
  private @Nullable Outgoing initialize;

  synchronized @Nullable String sessionId() {
    return sessionId;
  }

  synchronized @Nullable String protocolVersion() {
    return protocolVersion;
  }

  synchronized @Nullable Outgoing initialize() {
    return initialize;
  }

  /** The server accepted an {@code initialize} POST; {@code assigned} is its {@code Mcp-Session-Id}, if any. */
  synchronized void initialized(Outgoing request, @Nullable String assigned) {
    if (assigned != null && !McpHeaders.isToken(assigned)) {
      log.warn("Ignoring a session id that is not visible ASCII");
      assigned = null;
    }
    sessionId = assigned;
    protocolVersion = null;
    initialize = request;
  }

  /** The initialize result named the version the connection speaks. */
  synchronized void negotiated(@Nullable String version) {
    if (version != null && McpHeaders.isToken(version)) {
      protocolVersion = version;
    }
  }

  /**
   * Forgets the session if it is still {@code expired}.
   *
   * @return false if another session has replaced it meanwhile
   */
  synchronized boolean expire(String expired) {
    if (!expired.equals(sessionId)) {
      return false;
    }
    sessionId = null;
    return true;
  }
}
