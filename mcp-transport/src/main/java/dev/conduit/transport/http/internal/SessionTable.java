package dev.conduit.transport.http.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live sessions of an endpoint, capped in number and expired after an idle timeout. Expired sessions are found
 * lazily (on lookup and before a new one is made) and by a periodic sweep.
 */
final class SessionTable {

  private static final Logger log = LoggerFactory.getLogger(SessionTable.class);
  private static final int ID_BYTES = 18;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();
  private final int max;
  private final long idleNanos;
  private final Function<String, HttpSession> factory;

  SessionTable(int max, long idleNanos, Function<String, HttpSession> factory) {
    this.max = max;
    this.idleNanos = idleNanos;
    this.factory = factory;
  }

  /**
   * Makes a session with a fresh id: 144 random bits from {@link SecureRandom}, as URL-safe Base64 (visible ASCII).
   *
   * @return the session, or null if the table is full even after evicting expired sessions
   */
  synchronized @Nullable HttpSession create() {
    if (sessions.size() >= max) {
      sweep();
      if (sessions.size() >= max) {
        return null;
      }
    }
    byte[] bytes = new byte[ID_BYTES];
    String id;
    do {
      random.nextBytes(bytes);
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } while (sessions.containsKey(id));
    HttpSession session = factory.apply(id);
    sessions.put(id, session);
    return session;
  }

  /** The live session with that id, or null (unknown, ended or expired; an expired one is ended now). */
  @Nullable HttpSession get(String id) {
    HttpSession session = sessions.get(id);
    if (session == null) {
      return null;
    }
    if (session.isClosed()) {
      sessions.remove(id, session);
      return null;
    }
    if (session.expired(System.nanoTime(), idleNanos)) {
      expire(session);
      return null;
    }
    return session;
  }

  /** Forgets a session (it ended). */
  void remove(HttpSession session) {
    sessions.remove(session.id(), session);
  }

  /** Ends the sessions that have been idle too long. */
  void sweep() {
    long now = System.nanoTime();
    for (HttpSession session : List.copyOf(sessions.values())) {
      if (session.isClosed()) {
        sessions.remove(session.id(), session);
      } else if (session.expired(now, idleNanos)) {
        expire(session);
      }
    }
  }

  int size() {
    return sessions.size();
  }

  /** Ends every session. */
  void closeAll() {
    for (HttpSession session : List.copyOf(sessions.values())) {
      sessions.remove(session.id(), session);
      session.close();
    }
  }

  private void expire(HttpSession session) {
    if (sessions.remove(session.id(), session)) {
      log.debug("Session {} expired", session.id());
      session.close();
    }
  }
}
