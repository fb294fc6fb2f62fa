package dev.conduit.awx.tools.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.awx.AwxException;
import dev.conduit.awx.internal.Secrets;
import dev.conduit.protocol.schema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the output of a job, update or ad hoc command: {@code txt} (ANSI stripped) or {@code json} with line
 * ranges, trimmed to a tail; falls back to {@code txt_download} when AWX says the output is too large to display, and
 * to the joined event output when the stdout endpoint is missing.
 */
public final class Stdout {

  /** The most characters a result carries; more is cut from the start, which is least interesting. */
  static final int MAX_CHARS = 200_000;

  private static final String TOO_LARGE = "Standard Output too large to display";

  private Stdout() {}

  /** The input schema of a stdout tool. */
  public static Schema schema(String idArg, String noun) {
    return Schema.input().id(idArg, "The " + noun + "'s id")
        .choice("format", "txt (plain text, default) or json (with a line range)", List.of("txt", "json"))
        .integer("tail_lines", "Only the last N lines", 1L, 100_000L)
        .integer("start_line", "json format: first line (0-based)", 0L, null)
        .integer("end_line", "json format: line after the last", 1L, null);
  }

  /** Reads the output of {@code collection/{id}/}; {@code eventsPath} is the event list for the fallback. */
  public static CallToolResult read(Call call, String collection, long id, String eventsPath) {
    String base = collection + "/" + id + "/";
    String format = call.args().string("format", "txt");
    long tail = call.args().integer("tail_lines", 0);
    String text;
    String source = format;
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      if (format.equals("json")) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("format", "json");
        Call.putIfSet(query, "start_line", call.args().has("start_line")
            ? Long.toString(call.args().integer("start_line", 0)) : null);
        Call.putIfSet(query, "end_line", call.args().has("end_line")
            ? Long.toString(call.args().integer("end_line", 0)) : null);
        JsonNode json = call.client().get(base + "stdout/", query);
        text = json.path("content").asText("");
        out.put("range", json.path("range"));
      } else {
        text = call.client().getText(base + "stdout/", Map.of("format", "txt"));
      }
      if (text.startsWith(TOO_LARGE)) {
        text = call.client().getText(base + "stdout/", Map.of("format", "txt_download"));
        source = "txt_download";
      }
    } catch (AwxException e) {
      if (!e.isNotFound()) {
        throw e;
      }
      StringBuilder joined = new StringBuilder();
      call.client().all(eventsPath, Map.of("order_by", "counter", "page_size", "200"))
          .forEach(event -> {
            String line = event.path("stdout").asText("");
            if (!line.isEmpty()) {
              joined.append(line).append('\n');
            }
          });
      text = joined.toString();
      source = "events";
    }
    List<String> lines = text.lines().toList();
    boolean trimmed = false;
    if (tail > 0 && lines.size() > tail) {
      text = String.join("\n", lines.subList(lines.size() - (int) tail, lines.size()));
      trimmed = true;
    }
    if (text.length() > MAX_CHARS) {
      text = text.substring(text.length() - MAX_CHARS);
      trimmed = true;
    }
    text = Secrets.maskText(text);
    out.put("id", id);
    out.put("source", source);
    out.put("total_lines", lines.size());
    out.put("trimmed", trimmed);
    out.put("content", text);
    ObjectNode structured = Schema.JSON.valueToTree(out);
    return Results.result(text.isEmpty() ? "(no output yet)" : text, structured);
  }
}
