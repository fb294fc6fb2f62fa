package dev.conduit.awx.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * A scripted AWX: answers by method and path (query ignored), from a queue per route whose last answer repeats;
 * unknown routes get AWX's 404. Records every request.
 */
public final class FakeAwx implements AutoCloseable {

  private final MockWebServer server = new MockWebServer();
  private final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Function<RecordedRequest, MockResponse>>> routes = new ConcurrentHashMap<>();

  /** Starts on a free loopback port, over plain HTTP. */
  public FakeAwx() {
    this(null);
  }

  /** Starts on a free loopback port, over TLS with {@code https} if it is not null. */
  public FakeAwx(@Nullable SSLSocketFactory https) {
    if (https != null) {
      server.useHttps(https);
    }
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        seen.add(request);
        Deque<Function<RecordedRequest, MockResponse>> queue =
            routes.get(request.getMethod() + " " + request.getUrl().encodedPath());
        if (queue == null) {
          return json(404, "{\"detail\":\"Not found.\"}");
        }
        synchronized (queue) {
          return (queue.size() > 1 ? queue.poll() : queue.peek()).apply(request);
        }
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds {@code response} to the answers of {@code method path}. */
  public FakeAwx on(String method, String path, MockResponse response) {
    return on(method, path, request -> response);
  }

  /** Adds a computed answer to those of {@code method path}. */
  public FakeAwx on(String method, String path, Function<RecordedRequest, MockResponse> answer) {
    routes.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>()).add(answer);
    return this;
  }

  /** Answers {@code GET path} with {@code 200 body}. */
  public FakeAwx get(String path, String body) {
    return on("GET", path, json(200, body));
  }

  /** A JSON answer. */
  public static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .setHeader("X-API-Request-Id", "req-" + code).body(body).build();
  }

  /** An answer with no body. */
  public static MockResponse empty(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  /** The base URL, such as {@code http://127.0.0.1:41234/}. */
  public String url() {
    return server.url("/").toString();
  }

  /** Every request so far. */
  public List<RecordedRequest> requests() {
    return List.copyOf(seen);
  }

  /** The requests to {@code method path}. */
  public List<RecordedRequest> requests(String method, String path) {
    return seen.stream()
        .filter(r -> r.getMethod().equals(method) && r.getUrl().encodedPath().equals(path))
        .collect(Collectors.toList());
  }

  /** The one request to {@code method path}; fails if there is not exactly one. */
  public RecordedRequest only(String method, String path) {
    List<RecordedRequest> found = requests(method, path);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + method + " " + path + " but saw " + found.size() + " in "
          + seen.stream().map(r -> r.getMethod() + " " + r.getTarget()).collect(Collectors.toList()));
    }
    return found.get(0);
  }

  @Override
  public void close() {
    server.close();
  }
}
