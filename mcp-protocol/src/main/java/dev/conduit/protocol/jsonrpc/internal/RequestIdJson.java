package dev.conduit.protocol.jsonrpc.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.io.IOException;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** Binds a {@link RequestId} inside a payload (for example {@code notifications/cancelled}), keeping its text. */
public final class RequestIdJson {

  private static final Pattern JSON_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

  private RequestIdJson() {}

  /**
   * Writes a string id as a string and a number id as a number: an integer as an integer (so that an in-memory tree
   * holds an integer, not a float), any other number as its original literal.
   */
  public static final class Serializer extends JsonSerializer<RequestId> {
    @Override
    public void serialize(RequestId id, JsonGenerator out, SerializerProvider provider) throws IOException {
      if (!id.isNumber()) {
        out.writeString(id.text());
        return;
      }
      String text = id.text();
      if (JSON_INTEGER.matcher(text).matches()) {
        BigInteger value = new BigInteger(text);
        if (value.bitLength() < 64) {
          out.writeNumber(value.longValue());
        } else {
          out.writeNumber(value);
        }
      } else {
        out.writeNumber(text);
      }
    }
  }

  /** Reads a string or a number, keeping a number's literal text. */
  public static final class Deserializer extends JsonDeserializer<RequestId> {
    @Override
    public RequestId deserialize(JsonParser in, DeserializationContext context) throws IOException {
      JsonToken token = in.currentToken();
      if (token == JsonToken.VALUE_STRING) {
        return RequestId.of(in.getText());
      }
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        return RequestId.ofNumberText(in.getText());
      }
      return (RequestId) context.handleUnexpectedToken(RequestId.class, in);
    }
  }
}
