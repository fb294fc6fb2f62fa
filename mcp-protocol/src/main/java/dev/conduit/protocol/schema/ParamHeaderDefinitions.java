package dev.conduit.protocol.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the {@code x-mcp-header} markings of an input schema; see {@link Tool#paramHeaders()}. */
final class ParamHeaderDefinitions {

  static final String MARKER = "x-mcp-header";

  // RFC 9110 tchar, besides letters and digits.
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";
  private static final Set<String> HEADER_TYPES = Set.of("string", "integer", "boolean");

  private ParamHeaderDefinitions() {}

  static Map<String, String> of(JsonNode inputSchema) {
    JsonNode properties = inputSchema.path("properties");
    if (!properties.isObject()) {
      return Map.of();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    properties.fields().forEachRemaining(property -> {
      JsonNode marking = property.getValue().get(MARKER);
      if (marking == null) {
        return;
      }
      String parameter = property.getKey();
      if (!marking.isTextual() || !isToken(marking.textValue())) {
        throw new IllegalArgumentException("the x-mcp-header of parameter '" + parameter
            + "' must be a non-empty HTTP token (visible ASCII, no separators)");
      }
      String header = marking.textValue();
      if (!seen.add(header.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("x-mcp-header '" + header + "' is given to more than one parameter");
      }
      JsonNode type = property.getValue().get("type");
      if (type == null || !type.isTextual() || !HEADER_TYPES.contains(type.textValue())) {
        throw new IllegalArgumentException("parameter '" + parameter
            + "' has an x-mcp-header but is not of type string, integer or boolean");
      }
      headers.put(parameter, header);
    });
    return headers.isEmpty() ? Map.of() : Collections.unmodifiableMap(headers);
  }

  private static boolean isToken(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean alphanumeric = c < 0x80 && Character.isLetterOrDigit(c);
      if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }
}
