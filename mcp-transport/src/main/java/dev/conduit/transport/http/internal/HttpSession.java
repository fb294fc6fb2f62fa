package dev.conduit.transport.http.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A legacy Streamable HTTP session: its id, its connection to the MCP server, its GET stream, and the request
 * streams that can still be resumed.
 */
final class HttpSession {

  private final String id;
  private final HttpConnection connection;
  private final StandaloneStream standalone;
  private final Map<String, RequestStream> streams = new ConcurrentHashMap<>();
  private final AtomicLong streamCounter = new AtomicLong();
  private volatile long lastUsedNanos = System.nanoTime();

  HttpSession(Wiring wiring, String id) {
    this.id = id;
    this.standalone = new StandaloneStream(wiring, id);
    this.connection = new HttpConnection(wiring, "HTTP session " + id, id, standalone, false);
  }

  String id() {
    return id;
  }

  HttpConnection connection() {
    return connection;
  }

  StandaloneStream standalone() {
    return standalone;
  }

  /** A new stream id, unique within the session. */
  String nextStreamId() {
    return "r" + streamCounter.incrementAndGet();
  }

  /** Keeps a request stream resumable until it is answered. */
  void track(RequestStream stream) {
    String streamId = stream.streamId();
    if (streamId != null) {
      streams.put(streamId, stream);
    }
  }

  void untrack(RequestStream stream) {
    String streamId = stream.streamId();
    if (streamId != null) {
      streams.remove(streamId, stream);
    }
  }

  /** The live request stream with that id, or null (unknown, or answered already). */
  @Nullable RequestStream stream(String streamId) {
    return streams.get(streamId);
  }

  void touch() {
    lastUsedNanos = System.nanoTime();
  }

  /** Whether the session has been idle (no request in flight, no GET stream) for longer than {@code idleNanos}. */
  boolean expired(long nowNanos, long idleNanos) {
    return nowNanos - lastUsedNanos > idleNanos && !connection.busy() && !standalone.attached();
  }

  boolean isClosed() {
    return connection.isClosed();
  }

  /** Ends the session: requests in flight are cancelled, its streams closed. */
  void close() {
    connection.close();
  }
}
