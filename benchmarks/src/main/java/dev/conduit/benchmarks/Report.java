package dev.conduit.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The side-by-side table: for each transport, payload and thread count, tools/call per second for ours, the official
 * SDK and the raw ceiling, and the two ratios against the targets the product issue set. Then the 64 KiB check, the
 * cross pairs and any other target that ran.
 */
final class Report {

  private static final String[] TRANSPORTS = {"http", "stdio"};
  private static final String[] PAYLOADS = {"tiny", "1k", "64k"};
  private static final String[] MODES = {"seq", "t4"};

  private final String settings;
  private final Map<String, Result<?>> scores = new HashMap<>();
  private final List<String> missed = new ArrayList<>();
  private int met;

  Report(String settings, Collection<RunResult> results) {
    this.settings = settings;
    for (RunResult run : results) {
      String method = run.getParams().getBenchmark();
      String mode = method.substring(method.lastIndexOf('.') + 1);
      scores.put(key(run.getParams().getParam("target"), run.getParams().getParam("payload"), mode),
          run.getPrimaryResult());
    }
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append("Conduit vs the official MCP Java SDK 2.2.0: tools/call echo round trips per second (higher is better)\n");
    out.append(String.format(Locale.ROOT, "JDK %s (%s, %s); %s %s; %d cores%n", System.getProperty("java.version"),
        System.getProperty("java.vm.name"), System.getProperty("java.vm.vendor"), System.getProperty("os.name"),
        System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors()));
    out.append(settings).append('\n');
    out.append("Benchmark JVM -Xms1g -Xmx1g -XX:+AlwaysPreTouch; stdio children ")
        .append(String.join(" ", Children.JVM_OPTIONS)).append('\n');
    out.append("Both servers validate tool input; logging at WARN; 2025-11-25 (initialize, session). Ours answers a\n")
        .append("tools/call POST with application/json, the SDK with text/event-stream (one SSE event).\n");
    out.append("threads: seq = 1 caller, t4 = 4 callers sharing one client (the SDK's stdio client hangs calls under\n")
        .append("concurrent callers, so its 4 callers take turns). Scores: mean ± standard deviation of the\n")
        .append("measurement iterations (JMH's 99.9% CI of 3 iterations is too wide to read).\n\n");

    Table main = new Table("transport", "payload", "threads", "ours", "sdk", "raw", "ours/sdk", "target",
        "ours/raw", "target");
    for (String transport : TRANSPORTS) {
      boolean http = transport.equals("http");
      for (String payload : PAYLOADS) {
        for (String mode : MODES) {
          Result<?> ours = get("ours-" + transport, payload, mode);
          Result<?> sdk = get("sdk-" + transport, payload, mode);
          Result<?> raw = get("raw-" + transport, payload, mode);
          if (ours == null && sdk == null && raw == null) {
            continue;
          }
          String cell = transport + " " + payload + " " + mode;
          main.row(transport, payload, mode, score(ours), score(sdk), score(raw),
              ratio(ours, sdk, "x"), verdict(cell + " ours/sdk", ours, sdk, http ? 4.0 : 3.0),
              ratio(ours, raw, ""), verdict(cell + " ours/raw", ours, raw, http ? 0.75 : 0.6));
        }
      }
    }
    out.append(main.render()).append('\n');

    Table large = new Table("transport", "threads", "ours/raw tiny", "ours/raw 64k", "64k no worse than tiny");
    for (String transport : TRANSPORTS) {
      for (String mode : MODES) {
        Double tiny = ratioValue(get("ours-" + transport, "tiny", mode), get("raw-" + transport, "tiny", mode));
        Double big = ratioValue(get("ours-" + transport, "64k", mode), get("raw-" + transport, "64k", mode));
        if (tiny == null || big == null) {
          continue;
        }
        large.row(transport, mode, fmt(tiny), fmt(big), mark(big >= tiny, transport + " " + mode + " 64k vs tiny"));
      }
    }
    if (large.size() > 0) {
      out.append("64 KiB payloads relative to the ceiling, against tiny ones:\n").append(large.render()).append('\n');
    }

    Table cross = new Table("transport", "payload", "threads", "ours->ours", "ours->sdk", "sdk->ours", "sdk->sdk");
    for (String transport : TRANSPORTS) {
      for (String payload : PAYLOADS) {
        for (String mode : MODES) {
          Result<?> oursToSdk = get("ours2sdk-" + transport, payload, mode);
          Result<?> sdkToOurs = get("sdk2ours-" + transport, payload, mode);
          if (oursToSdk == null && sdkToOurs == null) {
            continue;
          }
          cross.row(transport, payload, mode, score(get("ours-" + transport, payload, mode)), score(oursToSdk),
              score(sdkToOurs), score(get("sdk-" + transport, payload, mode)));
        }
      }
    }
    if (cross.size() > 0) {
      out.append("Cross pairs (client->server), to tell client cost from server cost:\n")
          .append(cross.render()).append('\n');
    }

    Table other = new Table("target", "payload", "threads", "ops/s", "ours/this", "what");
    for (String target : List.of("ours-http-modern", "raw-http-pooled", "sdk-http-immediate", "sdk-stdio-immediate")) {
      for (String payload : PAYLOADS) {
        for (String mode : MODES) {
          Result<?> r = get(target, payload, mode);
          if (r != null) {
            String ours = target.contains("stdio") ? "ours-stdio" : "ours-http";
            other.row(target, payload, mode, score(r), ratio(get(ours, payload, mode), r, ""),
                Targets.DESCRIPTIONS.get(target));
          }
        }
      }
    }
    if (other.size() > 0) {
      out.append("Other variants:\n").append(other.render()).append('\n');
    }

    out.append(String.format(Locale.ROOT, "Targets met: %d of %d.%n", met, met + missed.size()));
    if (!missed.isEmpty()) {
      out.append("Missed: ").append(String.join("; ", missed)).append('\n');
    }
    return out.toString();
  }

  private @Nullable Result<?> get(String target, String payload, String mode) {
    return scores.get(key(target, payload, mode));
  }

  private static String key(String target, String payload, String mode) {
    return target + "|" + payload + "|" + mode;
  }

  private static String score(@Nullable Result<?> r) {
    if (r == null) {
      return "-";
    }
    if (Double.isNaN(r.getScore())) {
      return "failed";
    }
    double sd = r.getStatistics().getN() > 1 ? r.getStatistics().getStandardDeviation() : Double.NaN;
    String error = Double.isNaN(sd) ? "" : String.format(Locale.ROOT, " ±%,.0f", sd);
    return String.format(Locale.ROOT, "%,.0f", r.getScore()) + error;
  }

  private static @Nullable Double ratioValue(@Nullable Result<?> a, @Nullable Result<?> b) {
    if (a == null || b == null || !(b.getScore() > 0) || Double.isNaN(a.getScore())) {
      return null;
    }
    return a.getScore() / b.getScore();
  }

  private static String ratio(@Nullable Result<?> a, @Nullable Result<?> b, String suffix) {
    Double r = ratioValue(a, b);
    return r == null ? "-" : fmt(r) + suffix;
  }

  private String verdict(String what, @Nullable Result<?> a, @Nullable Result<?> b, double target) {
    Double r = ratioValue(a, b);
    String bound = ">=" + (target >= 1 ? String.format(Locale.ROOT, "%.0fx", target) : fmt(target));
    return r == null ? bound : bound + " " + mark(r >= target, what + " " + fmt(r) + " (" + bound + ")");
  }

  private String mark(boolean ok, String what) {
    if (ok) {
      met++;
      return "met";
    }
    missed.add(what);
    return "MISSED";
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** A Markdown table with padded columns; numbers right-aligned. */
  private static final class Table {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
      this.header = header;
    }

    void row(String... cells) {
      rows.add(cells);
    }

    int size() {
      return rows.size();
    }

    String render() {
      int[] width = new int[header.length];
      for (int i = 0; i < header.length; i++) {
        width[i] = header[i].length();
        for (String[] row : rows) {
          width[i] = Math.max(width[i], row[i].length());
        }
      }
      StringBuilder sb = new StringBuilder();
      line(sb, header, width);
      String[] rule = new String[header.length];
      for (int i = 0; i < header.length; i++) {
        rule[i] = "-".repeat(width[i]);
      }
      line(sb, rule, width);
      rows.forEach(row -> line(sb, row, width));
      return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] width) {
      sb.append('|');
      for (int i = 0; i < cells.length; i++) {
        boolean numeric = !cells[i].isEmpty() && (Character.isDigit(cells[i].charAt(0)) || cells[i].equals("-"));
        String pad = " ".repeat(width[i] - cells[i].length());
        sb.append(' ').append(numeric ? pad + cells[i] : cells[i] + pad).append(" |");
      }
      sb.append('\n');
    }
  }
}
