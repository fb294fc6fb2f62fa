package dev.conduit.transport.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link EventStore}: the newest events of each session, in memory.
 *
 * <p>Event ids have the form {@code <streamId>_<sequence>}. Each session keeps at most {@code maxEventsPerSession}
 * events; older ones are dropped, and a resumption from a dropped event fails. Sessions are forgotten when they end.
 */
public final class InMemoryEventStore implements EventStore {

  /** The default bound per session. */
  public static final int DEFAULT_MAX_EVENTS_PER_SESSION = 1_000;

  private final int maxEventsPerSession;
  private final Map<String, Log> sessions = new ConcurrentHashMap<>();

  /** A store that keeps {@value #DEFAULT_MAX_EVENTS_PER_SESSION} events per session. */
  public InMemoryEventStore() {
    this(DEFAULT_MAX_EVENTS_PER_SESSION);
  }

  /** A store that keeps {@code maxEventsPerSession} events per session. */
  public InMemoryEventStore(int maxEventsPerSession) {
    if (maxEventsPerSession <= 0) {
      throw new IllegalArgumentException("maxEventsPerSession must be positive: " + maxEventsPerSession);
    }
    this.maxEventsPerSession = maxEventsPerSession;
  }

  @Override
  public String store(String sessionId, String streamId, String data) {
    Log log = sessions.computeIfAbsent(sessionId, id -> new Log());
    synchronized (log) {
      String eventId = streamId + "_" + log.sequence.incrementAndGet();
      log.events.addLast(new Event(eventId, streamId, data));
      while (log.events.size() > maxEventsPerSession) {
        log.events.removeFirst();
      }
      return eventId;
    }
  }

  @Override
  public @Nullable String replayAfter(String sessionId, String lastEventId, EventSink sink) {
    Log log = sessions.get(sessionId);
    if (log == null) {
      return null;
    }
    List<Event> later = new ArrayList<>();
    String streamId = null;
    synchronized (log) {
      for (Event event : log.events) {
        if (streamId == null) {
          if (event.id.equals(lastEventId)) {
            streamId = event.streamId;
          }
        } else if (event.streamId.equals(streamId)) {
          later.add(event);
        }
      }
    }
    for (Event event : later) {
      sink.event(event.id, event.data);
    }
    return streamId;
  }

  @Override
  public void removeSession(String sessionId) {
    sessions.remove(sessionId);
  }

  private record Event(String id, String streamId, String data) {}

  private static final class Log {
    private final Deque<Event> events = new ArrayDeque<>();
    private final AtomicLong sequence = new AtomicLong();
  }
}
