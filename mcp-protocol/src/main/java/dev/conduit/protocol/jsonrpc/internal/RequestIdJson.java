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

/** Binds a {@link RequestId} inside a payload (for example {@code notifications/cancelled}), keeping its text. */
public final class RequestIdJson {

  private RequestIdJson() {}

  /** Writes a number id as its original literal and a string id as a string. */
  public static final class Serializer extends JsonSerializer<RequestId> {
    @Override
    public void serialize(RequestId id, JsonGenerator out, SerializerProvider provider) throws IOException {
      if (id.isNumber()) {
        out.writeNumber(id.text());
      } else {
        out.writeString(id.text());
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
