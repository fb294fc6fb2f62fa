package dev.conduit.transport.http.client;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/** A MockWebServer that answers each request with what a test's function says, and records every request. */
final class ScriptedServer implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
  private volatile Function<RecordedRequest, MockResponse> script;

  ScriptedServer(Function<RecordedRequest, MockResponse> script) throws IOException {
    this.script = script;
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        seen.add(request);
        return ScriptedServer.this.script.apply(request);
      }
    });
    server.start();
  }

  void script(Function<RecordedRequest, MockResponse> next) {
    this.script = next;
  }

  String url(String path) {
    return server.url(path).toString();
  }

  /** The next request, in arrival order; fails after 10 seconds. */
  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    assertNotNull(request, "no request arrived");
    return request;
  }

  /** The next request that is not a GET (the GET stream comes and goes on its own schedule). */
  RecordedRequest takeNonGet() throws InterruptedException {
    while (true) {
      RecordedRequest request = take();
      if (!"GET".equals(request.getMethod())) {
        return request;
      }
    }
  }

  List<RecordedRequest> seen() {
    return List.copyOf(seen);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  /** The JSON-RPC body of a request. */
  static JsonNode body(RecordedRequest request) {
    try {
      return JSON.readTree(request.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON-RPC method of a request, or "" if it has no body or no method. */
  static String method(RecordedRequest request) {
    if (request.getBody() == null || request.getBody().size() == 0) {
      return "";
    }
    return body(request).path("method").asText("");
  }

  /** The JSON-RPC id of a request, as JSON text. */
  static String id(RecordedRequest request) {
    return body(request).path("id").toString();
  }

  static MockResponse json(String body) {
    return json(200, body, Headers.of());
  }

  static MockResponse json(int code, String body) {
    return json(code, body, Headers.of());
  }

  static MockResponse json(int code, String body, Headers headers) {
    return new MockResponse.Builder().code(code).headers(headers).setHeader("Content-Type", "application/json")
        .body(body).build();
  }

  static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  /** {"jsonrpc":"2.0","id":<id>,"result":<result>}. */
  static String result(String id, String result) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}";
  }

  static String initializeResult(String id, String version) {
    return result(id, "{\"protocolVersion\":\"" + version + "\",\"capabilities\":{\"tools\":{}},"
        + "\"serverInfo\":{\"name\":\"scripted\",\"version\":\"1.0\"}}");
  }
}
