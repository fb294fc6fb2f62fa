package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** {@code …/stdout/} in AWX's formats, with {@code start_line}/{@code end_line} and the large-output refusal. */
final class Stdout {

  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

  private final int maxBytesDisplay;

  /** @param maxBytesDisplay AWX's {@code STDOUT_MAX_BYTES_DISPLAY}: larger output is only offered as a download */
  Stdout(int maxBytesDisplay) {
    this.maxBytesDisplay = maxBytesDisplay;
  }

  Response render(Request request, ObjectNode job, List<String> lines) throws ApiException {
    String format = request.param("format");
    if (format == null) {
      // The browsable API is AWX's default for a browser; a client that sends no format gets the JSON form here.
      format = "json";
    }
    String ansi = String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    int size = ansi.getBytes(StandardCharsets.UTF_8).length;
    String tooLarge = "Standard Output too large to display (" + size + " bytes), only download supported for sizes "
        + "over " + maxBytesDisplay + " bytes.";
    boolean large = size > maxBytesDisplay;
    int total = lines.size();
    int start = bound(request.param("start_line"), 0, total);
    int end = bound(request.param("end_line"), total, total);
    if (end < start) {
      end = start;
    }
    String window = String.join("\n", lines.subList(start, end)) + (end > start ? "\n" : "");
    String name = job.path("type").asText() + "_" + job.get("id").asInt() + ".txt";
    switch (format) {
      case "txt" -> {
        return Response.text("text/plain; charset=utf-8", large ? tooLarge : strip(ansi));
      }
      case "ansi" -> {
        return Response.text("text/plain; charset=utf-8", large ? tooLarge : ansi);
      }
      case "txt_download", "ansi_download" -> {
        String body = format.startsWith("txt") ? strip(ansi) : ansi;
        return new Response(200, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8),
            Map.of("Content-Disposition", "attachment; filename=\"" + name + "\""));
      }
      case "html" -> {
        String body = large ? tooLarge : strip(window);
        return Response.text("text/html; charset=utf-8", "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            + "<title>Job " + job.get("id").asInt() + " output</title></head><body><pre>" + escape(body)
            + "</pre></body></html>\n");
      }
      case "json" -> {
        if (large) {
          return Response.ok(Json.of("range", Map.of("start", 0, "end", 1, "absolute_end", 1),
              "content", tooLarge));
        }
        // AWX sends the raw lines here, colour codes included; only the txt format strips them.
        String content = window;
        if ("base64".equals(request.param("content_encoding"))) {
          content = Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
        }
        return Response.ok(Json.of("range", Map.of("start", start, "end", end, "absolute_end", total),
            "content", content));
      }
      default -> throw ApiException.detail(404, "Not found.");
    }
  }

  private static int bound(@Nullable String value, int fallback, int total) {
    if (value == null) {
      return fallback;
    }
    try {
      return Math.max(0, Math.min(total, Integer.parseInt(value.trim())));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  static String strip(String text) {
    return ANSI.matcher(text).replaceAll("");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
