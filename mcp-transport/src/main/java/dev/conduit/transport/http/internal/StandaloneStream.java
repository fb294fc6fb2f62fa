package dev.conduit.transport.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's GET stream: messages that belong to no request in flight (list changes, resource updates). At most one
 * GET response carries it at a time. While none is open, messages wait (a bounded number, oldest dropped first) and
 * go out when the client opens one.
 */
final class StandaloneStream {

  /** The stream id of every session's GET stream. */
  static final String STREAM_ID = "get";

  private static final Logger log = LoggerFactory.getLogger(StandaloneStream.class);

  private final Wiring wiring;
  private final String sessionId;
  private final Deque<byte[]> waiting = new ArrayDeque<>();
  private @Nullable SseChannel channel;
  private boolean closed;

  StandaloneStream(Wiring wiring, String sessionId) {
    this.wiring = wiring;
    this.sessionId = sessionId;
  }

  /** Sends a message on the GET stream, or keeps it for the next one. */
  synchronized void deliver(byte[] json) {
    if (closed) {
      return;
    }
    String text = new String(json, StandardCharsets.UTF_8);
    String id = wiring.store().store(sessionId, STREAM_ID, text);
    byte[] frame = Sse.message(id, text);
    if (channel != null) {
      channel.write(frame);
      return;
    }
    waiting.addLast(frame);
    if (waiting.size() > wiring.options().maxPendingMessages()) {
      waiting.removeFirst();
      log.debug("Session {}: dropped the oldest message waiting for a GET stream", sessionId);
    }
  }

  /** Whether a GET response carries the stream now. */
  synchronized boolean attached() {
    return channel != null;
  }

  /**
   * Makes {@code opened} the stream's carrier: a priming event, then the messages that waited.
   *
   * @return false if another GET response carries it already (the caller answers 409)
   */
  synchronized boolean attach(SseChannel opened) {
    if (closed || (channel != null && channel.isOpen())) {
      return false;
    }
    channel = opened;
    String id = wiring.store().store(sessionId, STREAM_ID, "");
    opened.write(Sse.priming(id, wiring.options().retryInterval().toMillis()));
    while (!waiting.isEmpty()) {
      opened.write(waiting.removeFirst());
    }
    return true;
  }

  /** Resumes the stream after {@code lastEventId}: replays what came later, then carries what comes next. */
  synchronized void resume(SseChannel resumed, String lastEventId) {
    wiring.store().replayAfter(sessionId, lastEventId, (id, data) -> {
      if (!data.isEmpty()) {
        resumed.write(Sse.message(id, data));
      }
    });
    waiting.clear();
    if (closed) {
      resumed.close();
      return;
    }
    if (channel != null) {
      channel.close();
    }
    channel = resumed;
  }

  /** A carrier's client went away. */
  synchronized void channelGone(SseChannel gone) {
    if (channel == gone) {
      channel = null;
    }
  }

  /** The session ended. */
  synchronized void close() {
    closed = true;
    waiting.clear();
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}
