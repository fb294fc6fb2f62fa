package dev.conduit.protocol.jsonrpc.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
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
import org.jspecify.annotations.Nullable;

/** The one Jackson mapper that binds MCP payloads. Thread-safe, configured once. */
public final class Json {

  /**
   * Binds payloads to records and back; omits absent (null) optional fields. A number or boolean is not taken for a
   * string: {@code "name": 5} is invalid, not the tool named "5". An object that repeats a member name is refused,
   * not bound to its last value: the codec refuses such messages, and JSON that never went through it (a payload a
   * user made from text, say) must not be read one way here and another way by whoever reads it first.
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
          .withCoercionConfig(LogicalType.Textual, textual -> textual
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .build();

  private static final String DUPLICATE_FIELD = "Duplicate field '";
  private static final int QUOTED_NAME_LIMIT = 64;

  private Json() {}

  /**
   * A message about a binding failure that is safe to send to a peer: it names the JSON path and the problem, never
   * a Java class.
   */
  public static String describe(IOException e) {
    String duplicate = duplicateMember(e);
    if (duplicate != null) {
      return duplicate + (e instanceof JsonMappingException mapping ? path(mapping) : "");
    }
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

  /**
   * "duplicate member 'name'" if STRICT_DUPLICATE_DETECTION refused the JSON, or null. Binding a nested value may wrap
   * the parser's exception in a mapping exception, hence the walk down the causes.
   */
  private static @Nullable String duplicateMember(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonParseException parse) {
        String problem = String.valueOf(parse.getOriginalMessage());
        if (problem.startsWith(DUPLICATE_FIELD) && problem.endsWith("'")) {
          return "duplicate member " + quote(problem.substring(DUPLICATE_FIELD.length(), problem.length() - 1));
        }
      }
    }
    return null;
  }

  /**
   * A member name as an error message may repeat it to the peer that sent it: quoted, at most 64 characters, control
   * characters replaced, so that the message stays one short line whatever the name.
   */
  public static String quote(String name) {
    int shown = Math.min(name.length(), QUOTED_NAME_LIMIT);
    StringBuilder quoted = new StringBuilder(shown + 5).append('\'');
    for (int i = 0; i < shown; i++) {
      char c = name.charAt(i);
      quoted.append(Character.isISOControl(c) ? '?' : c);
    }
    return quoted.append(name.length() > shown ? "...'" : "'").toString();
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
