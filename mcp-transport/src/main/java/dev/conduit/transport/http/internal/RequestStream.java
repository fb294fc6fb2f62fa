package dev.conduit.transport.http.internal;

import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.transport.http.HttpRequestStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one POSTed request. It stays undecided until the first message for the request goes out: the
 * response alone is sent as plain JSON; anything before it (progress, a log message, a request to the client) turns
 * the answer into an SSE stream. A resumable stream (legacy sessions) stores each event, so that a client that lost
 * the connection (or was told to poll) gets the rest through {@code GET} with {@code Last-Event-ID}.
 */
final class RequestStream implements HttpRequestStream {

  /** How the answer is shaped for the endpoint that made it. */
  interface Answering {

    /** The status of a plain JSON answer. */
    default int status(JsonRpcResponse response) {
      return 200;
    }

    /** Headers to add; {@code response} is null when an SSE stream starts. */
    default Map<String, String> headers(@Nullable JsonRpcResponse response) {
      return Map.of();
    }

    /** {@code response} is about to go out, before the client can see it. */
    default void answering(JsonRpcResponse response) {}

    /** The request was answered (or abandoned, with {@code response} null). */
    default void done(RequestStream stream, @Nullable JsonRpcResponse response) {}

    /** The client went away from a stream that cannot be resumed. */
    default void clientGone() {}
  }

  private enum State { PENDING, JSON, SSE, DETACHED, DONE }

  private final Wiring wiring;
  private final RequestId requestId;
  private final @Nullable String sessionId;
  private final @Nullable String streamId;
  private final Exchange exchange;
  private final Answering answering;
  private State state = State.PENDING;
  private @Nullable SseChannel channel;

  /**
   * @param sessionId with {@code streamId}, makes the stream resumable: its events go to the event store
   */
  RequestStream(Wiring wiring, RequestId requestId, @Nullable String sessionId, @Nullable String streamId,
      Exchange exchange, Answering answering) {
    this.wiring = wiring;
    this.requestId = requestId;
    this.sessionId = sessionId;
    this.streamId = sessionId == null ? null : streamId;
    this.exchange = exchange;
    this.answering = answering;
  }

  RequestId requestId() {
    return requestId;
  }

  @Nullable String streamId() {
    return streamId;
  }

  @Override
  public boolean resumable() {
    return streamId != null;
  }

  /** Whether messages may still go out on this stream. */
  synchronized boolean accepting() {
    return state != State.DONE && state != State.JSON;
  }

  /** Sends a message of this request; the response ends the stream. */
  void deliver(JsonRpcMessage message, byte[] json) {
    boolean last = message instanceof JsonRpcResponse;
    if (last) {
      answering.answering((JsonRpcResponse) message);
    }
    synchronized (this) {
      if (state == State.DONE || state == State.JSON) {
        return;
      }
      if (last && state == State.PENDING) {
        JsonRpcResponse response = (JsonRpcResponse) message;
        state = State.JSON;
        Map<String, String> headers = Http.jsonHeaders();
        headers.putAll(answering.headers(response));
        int status = answering.status(response);
        if (TooManyRequests.applies(response)) {
          status = TooManyRequests.STATUS;
          TooManyRequests.addRetryAfter(response, headers);
        }
        exchange.respond(status, headers, json);
      } else {
        if (state == State.PENDING) {
          startSse();
        }
        String text = new String(json, StandardCharsets.UTF_8);
        String eventId = resumable() ? wiring.store().store(sessionId, streamId, text) : null;
        if (channel != null) {
          channel.write(Sse.message(eventId, text));
        }
        if (!last) {
          return;
        }
        state = State.DONE;
        if (channel != null) {
          channel.close();
          channel = null;
        }
      }
    }
    answering.done(this, (JsonRpcResponse) message);
  }

  /** Turns a still undecided answer into an SSE stream now (for a long-lived request). */
  synchronized void startSseNow() {
    if (state == State.PENDING) {
      startSse();
    }
  }

  /** After {@code delay}, turns a still undecided answer into an SSE stream, whose keep-alives notice a gone client. */
  void upgradeAfter(Duration delay) {
    wiring.timer().schedule(this::startSseNow, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean closeStream() {
    synchronized (this) {
      if (!resumable() || state == State.DONE || state == State.JSON) {
        return false;
      }
      if (state == State.PENDING) {
        startSse();
      }
      if (channel != null) {
        channel.close();
        channel = null;
      }
      if (state == State.SSE) {
        state = State.DETACHED;
      }
      return true;
    }
  }

  /**
   * Resumes the stream on a new SSE response: replays what came after {@code lastEventId}, then carries the rest.
   */
  synchronized void resume(SseChannel resumed, String lastEventId) {
    wiring.store().replayAfter(sessionId, lastEventId, (id, data) -> {
      if (!data.isEmpty()) {
        resumed.write(Sse.message(id, data));
      }
    });
    if (state == State.DONE || state == State.JSON) {
      resumed.close();
      return;
    }
    if (channel != null) {
      channel.close();
    }
    channel = resumed;
    state = State.SSE;
  }

  /** The connection ended before the request was answered: end the HTTP answer too. */
  void abandon() {
    synchronized (this) {
      switch (state) {
        case PENDING -> Http.error(exchange, wiring.codec(), 503,
            Http.errorFor(requestId, Http.TRANSPORT_ERROR, "Service Unavailable: the connection was closed"),
            Map.of());
        case SSE -> {
          if (channel != null) {
            channel.close();
          }
        }
        default -> { }
      }
      channel = null;
      state = State.DONE;
    }
    answering.done(this, null);
  }

  /** A channel told us the client went away. */
  void channelGone(SseChannel gone) {
    synchronized (this) {
      if (channel != gone) {
        return;
      }
      channel = null;
      if (state == State.SSE) {
        state = State.DETACHED;
      }
      if (resumable()) {
        return;
      }
    }
    answering.clientGone();
  }

  // Called with the lock held.
  private void startSse() {
    try {
      channel = wiring.openSse(exchange, answering.headers(null), this::channelGone);
      state = State.SSE;
      if (resumable()) {
        String id = wiring.store().store(sessionId, streamId, "");
        channel.write(Sse.priming(id, wiring.options().retryInterval().toMillis()));
      }
    } catch (IOException e) {
      channel = null;
      state = State.DETACHED;
      if (!resumable()) {
        wiring.timer().execute(answering::clientGone);
      }
    }
  }
}
