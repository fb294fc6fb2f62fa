package dev.conduit.transport.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.ListToolsResult;
import dev.conduit.protocol.schema.Tool;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The {@code x-mcp-header} parameters (SEP-2243) of the tools an HTTP transport has seen listed: a client learns
 * them from the {@code tools/list} results it receives and sends each marked argument as an {@code Mcp-Param-*}
 * header too; a server learns them from the results it sends and checks the headers of each {@code tools/call}.
 * Learning from the traffic covers tools a server registered and tools a bridge relays alike.
 */
public final class ToolHeaders {

  /** The prefix of the header that carries a marked parameter. */
  public static final String PREFIX = "Mcp-Param-";

  private static final byte[] MARKER = "x-mcp-header".getBytes(StandardCharsets.US_ASCII);
  // A peer that lists ever new tools cannot grow the table without bound; beyond this, new tools go unmirrored.
  private static final int MAX_TOOLS = 10_000;

  private final Map<String, Map<String, String>> byTool = new ConcurrentHashMap<>();

  /** Learns from one page of a {@code tools/list} result; a result that does not fit is ignored. */
  public void learn(JsonPayload result) {
    // Most servers mark nothing: then a raw result is not bound at all.
    if (byTool.isEmpty() && result.isRaw() && !contains(result.toBytes(), MARKER)) {
      return;
    }
    ListToolsResult list;
    try {
      list = result.as(ListToolsResult.class);
    } catch (IllegalArgumentException e) {
      return;
    }
    for (Tool tool : list.tools()) {
      Map<String, String> headers;
      try {
        headers = tool.paramHeaders();
      } catch (IllegalArgumentException invalid) {
        headers = Map.of();
      }
      if (headers.isEmpty()) {
        byTool.remove(tool.name());
      } else if (byTool.size() < MAX_TOOLS || byTool.containsKey(tool.name())) {
        byTool.put(tool.name(), headers);
      }
    }
  }

  /** The marked parameters of {@code tool} (parameter to header name), or {@code null} if it has none. */
  public @Nullable Map<String, String> of(String tool) {
    return byTool.get(tool);
  }

  /**
   * The headers a {@code tools/call} with these parameters carries, by full name, values as the argument's text (not
   * yet escaped): none for a tool without markings, or for an argument that is absent, null or not a primitive.
   */
  public Map<String, String> headersFor(@Nullable JsonPayload callParams) {
    if (callParams == null || byTool.isEmpty()) {
      return Map.of();
    }
    String name = callParams.memberText("name");
    Map<String, String> marked = name == null ? null : byTool.get(name);
    JsonPayload arguments = marked == null ? null : callParams.member("arguments");
    if (arguments == null || !arguments.isObject()) {
      return Map.of();
    }
    JsonNode values = arguments.tree();
    Map<String, String> headers = new LinkedHashMap<>();
    marked.forEach((parameter, header) -> {
      String text = text(values.get(parameter));
      if (text != null) {
        headers.put(PREFIX + header, text);
      }
    });
    return headers;
  }

  /** The text a header carries for an argument: its string, number or boolean as text; null for anything else. */
  public static @Nullable String text(@Nullable JsonNode value) {
    if (value == null || !(value.isTextual() || value.isNumber() || value.isBoolean())) {
      return null;
    }
    return value.asText();
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
