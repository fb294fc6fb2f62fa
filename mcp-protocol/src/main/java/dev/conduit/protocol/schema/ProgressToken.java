package dev.conduit.protocol.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A progress token: a string or an integer chosen by the requester, unique among its requests in flight, that
 * {@code notifications/progress} carries back. An integer keeps its original text.
 */
@JsonSerialize(using = ProgressToken.Serializer.class)
@JsonDeserialize(using = ProgressToken.Deserializer.class)
public final class ProgressToken {

  private static final Pattern JSON_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

  private final String text;
  private final boolean number;

  private ProgressToken(String text, boolean number) {
    this.text = text;
    this.number = number;
  }

  /** A string token. */
  public static ProgressToken of(String token) {
    return new ProgressToken(Objects.requireNonNull(token, "token"), false);
  }

  /** An integer token. */
  public static ProgressToken of(long token) {
    return new ProgressToken(Long.toString(token), true);
  }

  /**
   * An integer token from its JSON text, kept verbatim.
   *
   * @throws IllegalArgumentException if {@code jsonInteger} is not a JSON integer
   */
  public static ProgressToken ofNumberText(String jsonInteger) {
    if (!JSON_INTEGER.matcher(jsonInteger).matches()) {
      throw new IllegalArgumentException("Not a JSON integer: " + jsonInteger);
    }
    return new ProgressToken(jsonInteger, true);
  }

  /** Whether the token is an integer (otherwise it is a string). */
  public boolean isNumber() {
    return number;
  }

  /** The token's text: the string itself, or the integer's literal. */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProgressToken token && token.number == number && token.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode() * 31 + (number ? 1 : 0);
  }

  /** The token as it appears in JSON. */
  @Override
  public String toString() {
    return number ? text : '"' + text + '"';
  }

  static final class Serializer extends JsonSerializer<ProgressToken> {
    @Override
    public void serialize(ProgressToken token, JsonGenerator out, SerializerProvider provider) throws IOException {
      if (token.number) {
        // Not writeNumber(String): into a TokenBuffer (valueToTree, convertValue) that becomes a float, 7.0.
        BigInteger value = new BigInteger(token.text);
        if (value.bitLength() < Integer.SIZE) {
          out.writeNumber(value.intValue());
        } else if (value.bitLength() < Long.SIZE) {
          out.writeNumber(value.longValue());
        } else {
          out.writeNumber(value);
        }
      } else {
        out.writeString(token.text);
      }
    }
  }

  static final class Deserializer extends JsonDeserializer<ProgressToken> {
    @Override
    public ProgressToken deserialize(JsonParser in, DeserializationContext context) throws IOException {
      if (in.currentToken() == JsonToken.VALUE_STRING) {
        return of(in.getText());
      }
      if (in.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return ofNumberText(in.getText());
      }
      return (ProgressToken) context.handleUnexpectedToken(ProgressToken.class, in);
    }
  }
}
