package dev.conduit.transport.http.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The HTTP headers MCP defines, and how a value that is not plain ASCII travels in one. */
public final class McpHeaders {

  public static final String SESSION_ID = "Mcp-Session-Id";
  public static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
  public static final String METHOD = "Mcp-Method";
  public static final String NAME = "Mcp-Name";
  public static final String LAST_EVENT_ID = "Last-Event-ID";
  public static final String ACCEPT = "Accept";
  public static final String ACCEPT_POST = "application/json, text/event-stream";
  public static final String ACCEPT_SSE = "text/event-stream";

  private static final String PREFIX = "=?base64?";
  private static final String SUFFIX = "?=";

  private McpHeaders() {}

  /**
   * A value as a 2026-07-28 header carries it: as it is when it is visible ASCII or spaces (0x20–0x7E) without
   * leading or trailing whitespace; otherwise, or when it looks like the escape itself, {@code =?base64?…?=} around
   * the standard Base64 of its UTF-8 bytes.
   */
  public static String encodeValue(String value) {
    if (isPlain(value)) {
      return value;
    }
    return PREFIX + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + SUFFIX;
  }

  /** Whether {@code value} may be sent in a header as it is (it is visible ASCII, 0x21–0x7E, and not empty). */
  public static boolean isToken(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPlain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    if (!value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ')) {
      return false;
    }
    return !(value.startsWith(PREFIX) && value.endsWith(SUFFIX));
  }
}
