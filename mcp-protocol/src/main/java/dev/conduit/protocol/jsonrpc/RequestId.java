package dev.conduit.protocol.jsonrpc;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.conduit.protocol.jsonrpc.internal.RequestIdJson;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A JSON-RPC request id: a string or a number, kept exactly as it was received.
 *
 * <p>A numeric id keeps its original text ({@code 1}, {@code 1e3} or a number wider than a {@code long}), so that
 * the response echoes the very token the peer sent. Two ids are equal when they are of the same kind and have the
 * same text.
 */
@JsonSerialize(using = RequestIdJson.Serializer.class)
@JsonDeserialize(using = RequestIdJson.Deserializer.class)
public final class RequestId {

  // Compiled once: every decoded message with a numeric id is checked against it.
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private final String text;
  private final boolean number;

  private RequestId(String text, boolean number) {
    this.text = text;
    this.number = number;
  }

  /** A numeric id. */
  public static RequestId of(long number) {
    return new RequestId(Long.toString(number), true);
  }

  /** A string id. */
  public static RequestId of(String string) {
    return new RequestId(Objects.requireNonNull(string, "string"), false);
  }

  /**
   * A numeric id from the text of a JSON number, kept verbatim.
   *
   * @throws IllegalArgumentException if {@code jsonNumber} is not a JSON number
   */
  public static RequestId ofNumberText(String jsonNumber) {
    if (!isJsonNumber(jsonNumber)) {
      throw new IllegalArgumentException("Not a JSON number: " + jsonNumber);
    }
    return new RequestId(jsonNumber, true);
  }

  /** Whether the id is a JSON number (otherwise it is a string). */
  public boolean isNumber() {
    return number;
  }

  /** The id's text: the string itself, or the number's literal JSON text. */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RequestId id && id.number == number && id.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode() * 31 + (number ? 1 : 0);
  }

  /** The id as it appears in JSON: a number, or a quoted string. */
  @Override
  public String toString() {
    return number ? text : '"' + text + '"';
  }

  private static boolean isJsonNumber(String s) {
    return isJsonInteger(s) || JSON_NUMBER.matcher(s).matches();
  }

  // Ids are almost always small integers, checked on every message: spare them the regular expression.
  private static boolean isJsonInteger(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    int length = s.length();
    if (length == start || (s.charAt(start) == '0' && length > start + 1)) {
      return false;
    }
    for (int i = start; i < length; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
