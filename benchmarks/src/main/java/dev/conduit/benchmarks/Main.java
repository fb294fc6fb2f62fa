package dev.conduit.benchmarks;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link McpRoundTrip} for every chosen target, payload and thread count in one JMH run (and the extras, with
 * one caller, in a second run of the same process), then prints the side-by-side table ({@link Report}) and saves it,
 * with JMH's JSON, under {@code --out}.
 *
 * <pre>
 * java -jar benchmarks.jar [--quick] [--targets a,b] [--extras c,d|none] [--payloads tiny,1k,64k] [--modes seq,t4] [--forks N]
 *                          [--warmup N] [--warmup-time S] [--iterations N] [--time S] [--prof jfr] [--out DIR]
 * </pre>
 */
public final class Main {

  /** The targets of the main table, run with one and with four callers. */
  static final List<String> TABLE_TARGETS =
      List.of("ours-http", "sdk-http", "raw-http", "ours-stdio", "sdk-stdio", "raw-stdio");

  /** What a full run adds, with one caller only: the HTTP cross pairs and the pooled raw HTTP server. */
  static final List<String> FULL_EXTRAS = List.of("ours2sdk-http", "sdk2ours-http", "raw-http-pooled");

  private Main() {}

  /** Runs the benchmarks; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    Files.createDirectories(settings.out);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    String name = stamp + "-jdk" + Runtime.version().feature();
    List<RunResult> results = new ArrayList<>(
        run(settings, settings.targets, settings.modes, settings.out.resolve(name + ".json")));
    if (!settings.extras.isEmpty()) {
      results.addAll(run(settings, settings.extras, List.of("seq"), settings.out.resolve(name + "-extras.json")));
    }

    String table = new Report(settings.describe(), results).render();
    System.out.println();
    System.out.println(table);
    Path saved = settings.out.resolve(name + ".txt");
    Files.writeString(saved, table, StandardCharsets.UTF_8);
    System.out.println("Saved " + saved + " and JMH's JSON beside it");
  }

  /** One JMH run of {@code targets} (every payload) in {@code modes}; JMH's JSON goes to {@code json}. */
  private static Collection<RunResult> run(Settings settings, List<String> targets, List<String> modes, Path json)
      throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(McpRoundTrip.class.getName() + "\\.(" + String.join("|", modes) + ")$")
        .param("target", targets.toArray(String[]::new))
        .param("payload", settings.payloads.toArray(String[]::new))
        .forks(settings.forks)
        .warmupIterations(settings.warmup)
        .warmupTime(TimeValue.seconds(settings.warmupTime))
        .measurementIterations(settings.iterations)
        .measurementTime(TimeValue.seconds(settings.time))
        .shouldFailOnError(false)
        .result(json.toString())
        .resultFormat(ResultFormatType.JSON);
    if (settings.profiler != null) {
      options.addProfiler(settings.profiler);
    }
    return new Runner(options.build()).run();
  }

  /** What the command line asked for. */
  static final class Settings {
    List<String> targets = TABLE_TARGETS;
    List<String> extras = FULL_EXTRAS;
    List<String> payloads = List.of("tiny", "1k", "64k");
    List<String> modes = List.of("seq", "t4");
    int forks = 1;
    int warmup = 3;
    int warmupTime = 5;
    int iterations = 3;
    int time = 3;
    boolean quick;
    @org.jspecify.annotations.Nullable String profiler;
    Path out = Path.of("benchmarks", "target", "results");

    static Settings parse(String[] args) {
      Settings s = new Settings();
      List<String> rest = new ArrayList<>(Arrays.asList(args));
      if (rest.remove("--quick")) {
        s.quick = true;
        s.extras = List.of();
        s.warmup = 2;
        s.warmupTime = 3;
        s.iterations = 2;
        s.time = 3;
      }
      for (int i = 0; i < rest.size(); i++) {
        String option = rest.get(i);
        if (option.equals("--help") || option.equals("-h")) {
          usage(System.out);
          System.exit(0);
        }
        if (i + 1 >= rest.size()) {
          fail("missing value after " + option);
        }
        String value = rest.get(++i);
        switch (option) {
          case "--targets" -> {
            s.targets = list(value);
            s.extras = List.of();
          }
          case "--extras" -> s.extras = value.equals("none") ? List.of() : list(value);
          case "--payloads" -> s.payloads = list(value);
          case "--modes" -> s.modes = list(value);
          case "--forks" -> s.forks = Integer.parseInt(value);
          case "--warmup" -> s.warmup = Integer.parseInt(value);
          case "--warmup-time" -> s.warmupTime = Integer.parseInt(value);
          case "--iterations" -> s.iterations = Integer.parseInt(value);
          case "--time" -> s.time = Integer.parseInt(value);
          case "--prof" -> s.profiler = value;
          case "--out" -> s.out = Path.of(value);
          default -> fail("unknown option " + option);
        }
      }
      for (String target : concat(s.targets, s.extras)) {
        if (!Targets.ALL.contains(target)) {
          fail("unknown target " + target + "; known: " + String.join(",", Targets.ALL));
        }
      }
      s.payloads.forEach(Payloads::text);
      for (String mode : s.modes) {
        if (!mode.equals("seq") && !mode.equals("t4")) {
          fail("unknown mode " + mode + " (seq, t4)");
        }
      }
      return s;
    }

    String describe() {
      return String.format("JMH 1.37, %s run: %d fork(s) per cell, warm-up %d x %d s, measurement %d x %d s",
          quick ? "quick" : "full", forks, warmup, warmupTime, iterations, time)
          + (extras.isEmpty() ? "" : "; one caller only for " + String.join(", ", extras))
          + (profiler == null ? "" : ", profiler " + profiler);
    }

    private static List<String> concat(List<String> a, List<String> b) {
      List<String> all = new ArrayList<>(a);
      all.addAll(b);
      return all;
    }

    private static List<String> list(String value) {
      return List.of(value.split(","));
    }

    private static void fail(String message) {
      System.err.println(message);
      usage(System.err);
      System.exit(2);
    }

    private static void usage(PrintStream out) {
      out.println("usage: run.sh [--quick] [--targets " + String.join(",", Targets.ALL) + "]");
      out.println("              [--extras TARGETS|none] (one caller only; default " + String.join(",", FULL_EXTRAS)
          + ")");
      out.println("              [--payloads tiny,1k,64k] [--modes seq,t4] [--forks N] [--warmup N] [--warmup-time S]");
      out.println("              [--iterations N] [--time S] [--prof jfr] [--out DIR]");
    }
  }
}
