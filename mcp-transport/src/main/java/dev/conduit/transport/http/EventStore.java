package dev.conduit.transport.http;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the events of resumable SSE streams (2025-03-26 to 2025-11-25), so that a client that lost a stream can
 * resume it with {@code GET} and {@code Last-Event-ID}.
 *
 * <p>A session has several streams: the GET stream and one per POSTed request answered with SSE. Event ids must be
 * unique within a session and must let the store tell which stream an event belongs to, because a resumption
 * replays the later events of that stream only. Implementations must be thread-safe and should be bounded; a store
 * shared by servers behind a load balancer makes streams resumable on any of them.
 *
 * @see InMemoryEventStore
 */
public interface EventStore {

  /**
   * Stores an event.
   *
   * @param sessionId the session the stream belongs to
   * @param streamId the stream, unique within the session
   * @param data the event's data: one JSON-RPC message, or the empty string for a stream's priming event
   * @return the event's id, unique within the session, from which {@link #replayAfter} can tell the stream
   */
  String store(String sessionId, String streamId, String data);

  /**
   * Replays, in order, the events stored on the stream of {@code lastEventId} after that event.
   *
   * @param sessionId the session asking; events of other sessions are never replayed
   * @param lastEventId the id of the last event the client saw
   * @param sink receives each later event of that stream
   * @return the stream's id, or {@code null} if the event is unknown (never stored, evicted, another session's)
   */
  @Nullable String replayAfter(String sessionId, String lastEventId, EventSink sink);

  /** Forgets every event of a session that ended. */
  void removeSession(String sessionId);

  /** Receives replayed events. */
  @FunctionalInterface
  interface EventSink {

    /**
     * One replayed event.
     *
     * @param eventId its id
     * @param data its data
     */
    void event(String eventId, String data);
  }
}
