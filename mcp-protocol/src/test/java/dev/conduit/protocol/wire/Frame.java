package dev.conduit.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * One frame seen on the wire, classified.
 *
 * @param revision the protocol revision the scenario spoke
 * @param index the frame's position in the transcript, from 1
 * @param fromClient whether the client sent it
 * @param text the frame as it crossed the wire
 * @param json the frame parsed, or {@code null} if it is not JSON
 * @param kind what sort of JSON-RPC message it is
 * @param method a request's or notification's own method; for a response, the method of the request it answers (by
 *     id, sent the other way), or {@code null} if no such request was seen
 */
record Frame(
    String revision,
    int index,
    boolean fromClient,
    String text,
    @Nullable JsonNode json,
    Kind kind,
    @Nullable String method) {

  /** The sorts of JSON-RPC message. */
  enum Kind {
    REQUEST("request"),
    NOTIFICATION("notification"),
    RESULT("result"),
    ERROR("error"),
    /** Not a JSON object with {@code method}, {@code result} or {@code error}. */
    UNKNOWN("unclassifiable frame");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** {@code client→server} or {@code server→client}. */
  String direction() {
    return fromClient ? "client→server" : "server→client";
  }

  /** A result's {@code resultType}, or {@code null}. */
  @Nullable String resultType() {
    JsonNode type = json == null ? null : json.path("result").get("resultType");
    return type == null || !type.isTextual() ? null : type.textValue();
  }

  /**
   * What sort of message this is, for the coverage check: direction, kind and method, and {@code input_required} for
   * such a result, as in {@code "server→client result tools/call input_required"}.
   */
  String kindKey() {
    String key = direction() + " " + kind.label + " " + method;
    return "input_required".equals(resultType()) ? key + " input_required" : key;
  }

  /** A short name for the dynamic test. */
  String displayName() {
    String name = "#" + index + " " + kindKey();
    return kind == Kind.ERROR ? name + " (" + json.path("error").path("code").asText() + ")" : name;
  }
}
