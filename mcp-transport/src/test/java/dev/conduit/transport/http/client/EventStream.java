package dev.conduit.transport.http.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;

/**
 * A server-sent event stream that a test writes to while the client reads it: chunked, flushed event by event,
 * ended when the test says (or after 30 seconds, so that a failing test never hangs the server). Optionally sends a
 * comment every 50 ms while idle, so that a client closing the connection is noticed at once.
 */
final class EventStream implements MockResponseBody {

  private static final String END = new String("END");
  private static final String CUT = new String("CUT");
  private static final long LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
  private final boolean keepAlive;
  private final CountDownLatch disconnected = new CountDownLatch(1);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile long endedAtNanos;

  private EventStream(boolean keepAlive) {
    this.keepAlive = keepAlive;
  }

  /** A stream that sends these raw event texts, then ends. */
  static EventStream of(String... events) {
    EventStream stream = new EventStream(false);
    for (String event : events) {
      stream.send(event);
    }
    stream.end();
    return stream;
  }

  /** A stream that stays open, with keep-alive comments, until {@link #end()}. */
  static EventStream open() {
    return new EventStream(true);
  }

  /** {@code data: json} as one message event. */
  static String message(String json) {
    return "event: message\ndata: " + json + "\n\n";
  }

  EventStream send(String rawEvent) {
    queue.add(rawEvent);
    return this;
  }

  void end() {
    queue.add(END);
  }

  /** Ends the body without the final chunk: with {@link #cutResponse()}, the connection then breaks mid-stream. */
  void cut() {
    queue.add(CUT);
  }

  /** A 200 response carrying this stream, whose socket closes when the body ends. */
  MockResponse cutResponse() {
    return response(new MockResponse.Builder().onResponseEnd(new SocketEffect.CloseSocket(true, false, false)));
  }

  /** A 200 response carrying this stream. */
  MockResponse response() {
    return response(new MockResponse.Builder());
  }

  MockResponse response(MockResponse.Builder builder) {
    return builder.code(200)
        .setHeader("Content-Type", "text/event-stream")
        .setHeader("Cache-Control", "no-cache")
        .body(this)
        .removeHeader("Content-Length")
        .setHeader("Transfer-Encoding", "chunked")
        .build();
  }

  boolean awaitDisconnected() throws InterruptedException {
    return disconnected.await(10, TimeUnit.SECONDS);
  }

  boolean awaitEnded() throws InterruptedException {
    return ended.await(10, TimeUnit.SECONDS);
  }

  long endedAtNanos() {
    return endedAtNanos;
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    long deadline = System.nanoTime() + LIFETIME_NANOS;
    try {
      while (System.nanoTime() < deadline) {
        String next = queue.poll(50, TimeUnit.MILLISECONDS);
        if (next == END) {
          break;
        }
        if (next == CUT) {
          return;
        }
        if (next != null) {
          chunk(sink, next);
        } else if (keepAlive) {
          chunk(sink, ": keep-alive\n\n");
        }
      }
      sink.writeUtf8("0\r\n").flush();
      endedAtNanos = System.nanoTime();
      ended.countDown();
    } catch (IOException e) {
      disconnected.countDown();
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException();
    }
  }

  private static void chunk(BufferedSink sink, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    sink.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n").flush();
  }
}
