package dev.conduit.awx.simulator;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** A tiny AWX client for the tests: JDK HttpClient, Basic auth, JSON bodies. */
final class Api {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** A response: status, body text and the body as JSON when it is JSON. */
  record Answer(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  private final URI base;
  private final @Nullable String authorization;

  Api(URI base, @Nullable String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  static Api basic(AwxSimulator awx, String user, String password) {
    return new Api(awx.url(), "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  static Api admin(AwxSimulator awx) {
    return basic(awx, "admin", "password");
  }


  Answer get(String path) {
    return send("GET", path, null);
  }

  Answer post(String path, @Nullable String body) {
    return send("POST", path, body);
  }

  Answer send(String method, String path, @Nullable String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Polls a job until {@code done} holds, for at most 20 seconds. */
  JsonNode await(String path, Predicate<JsonNode> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = get(path).json();
      if (done.test(last)) {
        return last;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    fail("condition never held for " + path + "; last: " + last);
    return last;
  }

  static boolean finished(JsonNode job) {
    String status = job.path("status").asText();
    return status.equals("successful") || status.equals("failed") || status.equals("canceled")
        || status.equals("error");
  }
}
