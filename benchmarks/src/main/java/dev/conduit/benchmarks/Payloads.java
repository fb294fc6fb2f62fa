package dev.conduit.benchmarks;

import java.util.Locale;

/** The texts the benchmarks echo: {@code tiny} (the probe's {@code hello-mcp}), {@code 1k} and {@code 64k}. */
public final class Payloads {

  private Payloads() {}

  /**
   * The text for a payload name: printable ASCII with no character that JSON escapes, so that every implementation
   * moves the same number of bytes.
   */
  public static String text(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "tiny" -> "hello-mcp";
      case "1k" -> fill(1024);
      case "64k" -> fill(64 * 1024);
      default -> throw new IllegalArgumentException("unknown payload: " + name + " (tiny, 1k, 64k)");
    };
  }

  private static String fill(int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;-_";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt((i * 7 + i / 64) % alphabet.length()));
    }
    return sb.toString();
  }

  /**
   * The JSON-RPC {@code tools/call} request an MCP client sends for {@code text}, as one line without the newline.
   * The raw targets send these bytes.
   */
  public static String toolsCallRequest(long id, String text) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"" + text + "\"}}}";
  }

  /** The JSON-RPC result an MCP server answers to {@link #toolsCallRequest}. The raw HTTP server sends these bytes. */
  public static String toolsCallResponse(long id, String text) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id
        + ",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}],\"isError\":false}}";
  }
}
