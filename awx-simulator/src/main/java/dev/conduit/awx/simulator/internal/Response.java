package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the simulator answers.
 *
 * @param status the HTTP status
 * @param contentType the media type of the body, or empty for no body
 * @param body the body bytes
 * @param headers extra headers, such as {@code Location}
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

  /** A JSON answer. */
  public static Response json(int status, JsonNode body) {
    return new Response(status, "application/json", Json.bytes(body), Map.of());
  }

  /** A 200 JSON answer. */
  public static Response ok(JsonNode body) {
    return json(200, body);
  }

  /** A JSON answer with a {@code Location} header. */
  public static Response created(int status, JsonNode body, String location) {
    return new Response(status, "application/json", Json.bytes(body), Map.of("Location", location));
  }

  /** An answer with no body, such as 204 after a delete or 202 after a cancel. */
  public static Response empty(int status) {
    return new Response(status, "", new byte[0], Map.of());
  }

  /** A text answer. */
  public static Response text(String contentType, String body) {
    return new Response(200, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }
}
