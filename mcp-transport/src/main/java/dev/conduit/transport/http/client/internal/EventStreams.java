package dev.conduit.transport.http.client.internal;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event streams of a Streamable HTTP client: the stream answering a POST, its resumption with GET and {@code
 * Last-Event-ID} when it ends before the response (legacy era only: in 2026-07-28 a stream that ends is over), and
 * the optional GET stream on which a legacy server sends what belongs to no request.
 *
 * <p>Reconnects wait for the delay the server asked for with {@code retry} (or the configured default), and give up
 * after the configured number of attempts in a row that fail or bring nothing new.
 */
final class EventStreams {

  private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

  /** How long {@code notifications/initialized} may wait for the server to answer the GET that follows it. */
  static final long LISTEN_WAIT_MILLIS = 5000;

  /**
   * How long {@code notifications/initialized} waits after the GET is written, for a server that sends the GET's
   * response headers only with its first event (the official Java SDK's servlet transport does): time for the server
   * to take the GET before the next request arrives.
   */
  static final long LISTEN_WRITTEN_WAIT_MILLIS = 250;

  private final Pending pending;
  private final BooleanSupplier closed;
  private final HttpSettings settings;
  private final HttpResources http;
  private final HttpRequests requests;
  private final SessionState state;
  private final AtomicBoolean listening = new AtomicBoolean();

  EventStreams(
      Pending pending, BooleanSupplier closed, HttpSettings settings, HttpResources http, HttpRequests requests,
      SessionState state) {
    this.pending = pending;
    this.closed = closed;
    this.settings = settings;
    this.http = http;
    this.requests = requests;
    this.state = state;
  }

  /** What one stream brought before it ended. */
  private record Outcome(
      @Nullable String lastEventId, long retryMillis, boolean delivered, @Nullable IOException failure) {

    boolean advancedFrom(@Nullable String previousId) {
      return delivered || (lastEventId != null && !lastEventId.equals(previousId));
    }

    long retryOr(long fallback) {
      return retryMillis >= 0 ? retryMillis : fallback;
    }
  }

  /** Reads the stream that answers {@code call}'s POST, and resumes it if it ends before the response. */
  void readResponse(InFlight call, Response response) {
    Outcome outcome = read(response, call);
    if (!pending.awaits(call)) {
      return;
    }
    String why = outcome.failure() == null ? "" : " (" + outcome.failure() + ")";
    if (call.request().isModern()) {
      pending.fail(call, "The server ended the stream before answering " + call.request()
          + why);
      return;
    }
    String lastEventId = outcome.lastEventId();
    if (lastEventId == null || !resumable(lastEventId)) {
      pending.fail(call, "The server ended the stream before answering " + call.request()
          + ", and gave no event id to resume from" + why);
      return;
    }
    resume(call, lastEventId, outcome.retryOr(settings.retryDelay().toMillis()));
  }

  /**
   * Opens the GET stream, unless it is disabled or open already.
   *
   * @return completes once the server has answered the GET (with a stream, or with a refusal), or {@value
   *     #LISTEN_WRITTEN_WAIT_MILLIS} ms after the GET is written, or after {@value #LISTEN_WAIT_MILLIS} ms, so that a
   *     caller can hold its next messages until the GET is out
   */
  CompletableFuture<Void> listen() {
    CompletableFuture<Void> answered = new CompletableFuture<>();
    if (!settings.getStream() || !listening.compareAndSet(false, true)) {
      answered.complete(null);
      return answered;
    }
    if (!http.execute(() -> listenLoop(answered))) {
      listening.set(false);
      answered.complete(null);
    }
    return answered.completeOnTimeout(null, LISTEN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void resume(InFlight call, String firstEventId, long firstRetry) {
    String lastEventId = firstEventId;
    long retry = firstRetry;
    int failures = 0;
    while (true) {
      if (failures >= settings.maxReconnectAttempts()) {
        pending.fail(call, "Gave up resuming the stream of " + call.request() + " after "
            + failures + " attempts");
        return;
      }
      if (!http.pause(retry) || !pending.awaits(call)) {
        return;
      }
      Call get;
      try {
        get = http.newCall(requests.get(settings.url(), lastEventId, state.sessionId(), state.protocolVersion()));
      } catch (RuntimeException e) {
        pending.fail(call, "Cannot resume the stream of " + call.request() + ": " + e);
        return;
      }
      try {
        if (!call.attach(get)) {
          return;
        }
        try (Response response = get.execute()) {
          if (!response.isSuccessful() || !HttpErrors.isEventStream(response)) {
            if (response.code() >= 500) {
              failures++;
              continue;
            }
            pending.fail(call, "Cannot resume the stream of " + call.request() + ": "
                + HttpErrors.describe(response));
            return;
          }
          Outcome next = read(response, call);
          failures = next.advancedFrom(lastEventId) ? 0 : failures + 1;
          if (next.lastEventId() != null && resumable(next.lastEventId())) {
            lastEventId = next.lastEventId();
          }
          retry = next.retryOr(retry);
        }
      } catch (IOException e) {
        failures++;
      } finally {
        http.release(get);
      }
      if (!pending.awaits(call)) {
        return;
      }
    }
  }

  private void listenLoop(CompletableFuture<Void> answered) {
    try {
      String lastEventId = null;
      long retry = settings.retryDelay().toMillis();
      int failures = 0;
      while (!closed.getAsBoolean()) {
        Request request;
        try {
          request = requests.get(settings.url(), lastEventId, state.sessionId(), state.protocolVersion());
        } catch (RuntimeException e) {
          log.warn("Cannot open the GET stream", e);
          return;
        }
        Call get = http.newCall(request);
        get.addEventListener(new EventListener() {
          @Override
          public void requestHeadersEnd(Call call, Request request) {
            answered.completeOnTimeout(null, LISTEN_WRITTEN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
          }
        });
        try (Response response = get.execute()) {
          answered.complete(null);
          if (response.isSuccessful() && HttpErrors.isEventStream(response)) {
            Outcome outcome = read(response, null);
            failures = outcome.advancedFrom(lastEventId) ? 0 : failures + 1;
            if (outcome.lastEventId() != null && resumable(outcome.lastEventId())) {
              lastEventId = outcome.lastEventId();
            }
            retry = outcome.retryOr(retry);
          } else if (response.code() >= 500) {
            failures++;
          } else {
            // 405 as the specification says, or 400 and 404 as real servers do: there is no GET stream.
            log.debug("No GET stream: {}", HttpErrors.describe(response));
            return;
          }
        } catch (IOException e) {
          answered.complete(null);
          failures++;
        } finally {
          http.release(get);
        }
        if (failures >= settings.maxReconnectAttempts()) {
          log.debug("Giving up the GET stream after {} attempts", failures);
          return;
        }
        if (closed.getAsBoolean() || !http.pause(retry)) {
          return;
        }
      }
    } finally {
      answered.complete(null);
      listening.set(false);
    }
  }

  /**
   * Delivers the {@code message} events of a stream until it ends or carries the response {@code awaiting} waits
   * for; priming events (no data) only move the event id.
   */
  private Outcome read(Response response, @Nullable InFlight awaiting) {
    SseReader reader = new SseReader(response.body().source(), settings.codec().maxMessageBytes());
    boolean delivered = false;
    IOException failure = null;
    try {
      for (SseEvent event = reader.next(); event != null; event = reader.next()) {
        if ("message".equals(event.type()) && !event.isBlank()) {
          pending.receiveEvent(event.data(), awaiting);
          delivered = true;
          if (awaiting != null && !pending.awaits(awaiting)) {
            break; // answered: the server should end the stream now, and nothing else on it is of use
          }
        }
      }
    } catch (IOException e) {
      failure = e;
    }
    return new Outcome(reader.lastEventId(), reader.retryMillis(), delivered, failure);
  }

  private static boolean resumable(String eventId) {
    for (int i = 0; i < eventId.length(); i++) {
      char c = eventId.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

}
