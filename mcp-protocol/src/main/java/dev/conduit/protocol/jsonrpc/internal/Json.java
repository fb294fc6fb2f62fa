package dev.conduit.protocol.jsonrpc.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/** The one Jackson mapper that binds MCP payloads. Thread-safe, configured once. */
public final class Json {

  /**
   * Binds payloads to records and back; omits absent (null) optional fields. A number or boolean is not taken for a
   * string: {@code "name": 5} is invalid, not the tool named "5".
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
          .withCoercionConfig(LogicalType.Textual, textual -> textual
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .build();

  private Json() {}

  /**
   * A message about a binding failure that is safe to send to a peer: it names the JSON path and the problem, never
   * a Java class.
   */
  public static String describe(IOException e) {
    if (e instanceof JsonMappingException mapping) {
      String at = path(mapping);
      Throwable cause = mapping.getCause();
      if (mapping instanceof ValueInstantiationException && cause != null && cause.getMessage() != null) {
        return cause.getMessage() + at;
      }
      if (mapping instanceof InvalidTypeIdException typeId) {
        return "unknown type '" + typeId.getTypeId() + "'" + at;
      }
      if (mapping instanceof InvalidFormatException format) {
        return "invalid value '" + format.getValue() + "'" + at;
      }
      return "unexpected JSON type" + at;
    }
    if (e instanceof JsonParseException) {
      return "malformed JSON";
    }
    return "invalid payload";
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "" : " at '" + path + "'";
  }
}
