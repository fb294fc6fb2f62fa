package dev.conduit.awx.internal;

import dev.conduit.awx.AwxException;
import dev.conduit.awx.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one AWX request and reads its answer whole, retrying a GET (and only a GET) after a connection error or a
 * 429, 502, 503 or 504. Logs the method, path, status, time and AWX request id; never a header or a body.
 */
public final class Exchange {

  private static final Logger log = LoggerFactory.getLogger("dev.conduit.awx.AwxClient");
  private static final Set<Integer> RETRIABLE = Set.of(429, 502, 503, 504);
  private static final String REQUEST_ID = "X-API-Request-Id";

  /** What AWX answered to {@code method path}. */
  public record Answer(String method, String path, int status, String body, @Nullable String contentType,
      @Nullable String requestId) {}

  private Exchange() {}

  /**
   * Sends {@code request}.
   *
   * @throws AwxException for an error status, or when AWX did not answer
   */
  public static Answer send(OkHttpClient http, Request request, RetryPolicy retry) {
    boolean idempotent = request.method().equals("GET");
    int attempts = idempotent ? retry.maxAttempts() : 1;
    String path = request.url().encodedPath();
    for (int attempt = 1; ; attempt++) {
      long started = System.nanoTime();
      Call call = http.newCall(request);
      Answer answer;
      try (Response response = call.execute()) {
        ResponseBody body = response.body();
        String text = body.string();
        String contentType = response.header("Content-Type");
        answer = new Answer(request.method(), path, response.code(), text, contentType, response.header(REQUEST_ID));
        log.debug("AWX {} {} -> {} in {} ms (request id {})", request.method(), path, response.code(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), answer.requestId());
        if (response.isSuccessful()) {
          return answer;
        }
        if (attempt < attempts && RETRIABLE.contains(response.code())) {
          Duration wait = wait(retry, attempt, response.header("Retry-After"));
          log.info("AWX {} {} answered {}; retrying in {} ms", request.method(), path, response.code(),
              wait.toMillis());
          pause(wait, request.method(), path);
          continue;
        }
        throw new AwxException(answer.status(), request.method(), path,
            ErrorBodies.message(text, response.message()), Secrets.redactText(text), answer.requestId(), null);
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted() || e instanceof InterruptedIOException && call.isCanceled()) {
          throw new AwxException(0, request.method(), path, "interrupted", null, null, e);
        }
        if (attempt < attempts) {
          Duration wait = retry.backoff(attempt);
          log.info("AWX {} {} failed ({}); retrying in {} ms", request.method(), path, e.toString(),
              wait.toMillis());
          pause(wait, request.method(), path);
          continue;
        }
        throw new AwxException(0, request.method(), path, describe(e), null, null, e);
      }
    }
  }

  private static String describe(IOException e) {
    String kind = e instanceof InterruptedIOException ? "timed out" : "connection failed";
    return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
  }

  private static Duration wait(RetryPolicy retry, int attempt, @Nullable String retryAfter) {
    if (retryAfter != null) {
      try {
        Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
        return asked.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : asked;
      } catch (NumberFormatException e) {
        // An HTTP date: fall back to our own backoff rather than trust a clock we do not share.
      }
    }
    return retry.backoff(attempt);
  }

  private static void pause(Duration wait, String method, String path) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AwxException(0, method, path, "interrupted", null, null, e);
    }
  }
}
