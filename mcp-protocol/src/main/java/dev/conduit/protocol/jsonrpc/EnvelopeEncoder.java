package dev.conduit.protocol.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Writes the JSON-RPC envelope around payloads that write themselves. */
final class EnvelopeEncoder {

  private EnvelopeEncoder() {}

  static void write(JsonRpcMessage message, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField("jsonrpc", "2.0");
    if (message instanceof JsonRpcRequest request) {
      writeId(request.id(), out);
      out.writeStringField("method", request.method());
      writePayload("params", request.params(), out);
    } else if (message instanceof JsonRpcNotification notification) {
      out.writeStringField("method", notification.method());
      writePayload("params", notification.params(), out);
    } else if (message instanceof JsonRpcResult result) {
      writeId(result.id(), out);
      writePayload("result", result.result(), out);
    } else {
      JsonRpcError error = (JsonRpcError) message;
      writeId(error.id(), out);
      out.writeObjectFieldStart("error");
      out.writeNumberField("code", error.error().code());
      out.writeStringField("message", error.error().message());
      writePayload("data", error.error().data(), out);
      out.writeEndObject();
    }
    out.writeEndObject();
  }

  private static void writeId(@Nullable RequestId id, JsonGenerator out) throws IOException {
    out.writeFieldName("id");
    if (id == null) {
      out.writeNull();
    } else if (id.isNumber()) {
      out.writeNumber(id.text());
    } else {
      out.writeString(id.text());
    }
  }

  private static void writePayload(String name, @Nullable JsonPayload payload, JsonGenerator out)
      throws IOException {
    if (payload != null) {
      out.writeFieldName(name);
      payload.writeTo(out);
    }
  }
}
