package dev.conduit.transport.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.transport.internal.ToolHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks the {@code Mcp-Param-*} headers of a 2026-07-28 {@code tools/call} against the tool's {@code x-mcp-header}
 * parameters (SEP-2243): each marked argument present in the body must come as its header too, with the same value,
 * literal or as {@code =?base64?…?=} around strict standard Base64; a header for an absent argument disagrees too.
 */
final class ParamHeaderCheck {

  private static final String BASE64_PREFIX = "=?base64?";
  private static final String BASE64_SUFFIX = "?=";
  private static final Pattern BASE64 = Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

  private ParamHeaderCheck() {}

  /** Why the headers disagree with the call's arguments, or null if they agree (or the tool marks nothing). */
  static @Nullable String mismatch(Exchange exchange, ToolHeaders tools, @Nullable JsonPayload params) {
    String name = params == null ? null : params.memberText("name");
    Map<String, String> marked = name == null ? null : tools.of(name);
    if (marked == null) {
      return null;
    }
    JsonPayload arguments = params.member("arguments");
    JsonNode values = arguments == null || !arguments.isObject() ? null : arguments.tree();
    for (Map.Entry<String, String> entry : marked.entrySet()) {
      String header = ToolHeaders.PREFIX + entry.getValue();
      String expected = ToolHeaders.text(values == null ? null : values.get(entry.getKey()));
      String raw = exchange.header(header);
      if (raw == null) {
        if (expected != null) {
          return "Header mismatch: the " + header + " header is required when params.arguments."
              + entry.getKey() + " is given";
        }
        continue;
      }
      String received = decode(raw.trim());
      if (received == null) {
        return "Header mismatch: " + header + " is not valid Base64 inside =?base64?...?=";
      }
      if (!received.equals(expected)) {
        return "Header mismatch: " + header + " does not match params.arguments." + entry.getKey();
      }
    }
    return null;
  }

  /** The value a header carries: literal, or the decoded UTF-8 of {@code =?base64?…?=}; null if that is malformed. */
  private static @Nullable String decode(String value) {
    if (value.length() < BASE64_PREFIX.length() + BASE64_SUFFIX.length() || !value.startsWith(BASE64_PREFIX)
        || !value.endsWith(BASE64_SUFFIX)) {
      return value;
    }
    String encoded = value.substring(BASE64_PREFIX.length(), value.length() - BASE64_SUFFIX.length());
    if (!BASE64.matcher(encoded).matches()) {
      return null;
    }
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }
}
