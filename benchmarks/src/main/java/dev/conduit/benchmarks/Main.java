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
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link McpRoundTrip} for every chosen target, payload and thread count in one JMH run, then prints the
 * side-by-side table ({@link Report}) and saves it, with JMH's JSON, under {@code --out}.
 *
 * <pre>
 * java -jar benchmarks.jar [--quick] [--targets a,b] [--payloads tiny,1k,64k] [--modes seq,t4] [--forks N]
 *                          [--warmup N] [--warmup-time S] [--iterations N] [--time S] [--prof jfr] [--out DIR]
 * </pre>
 */
public final class Main {

  /** The targets of a full run: the three columns of the table, then the cross pairs over HTTP. */
  static final List<String> FULL_TARGETS = List.of(
      "ours-http", "sdk-http", "raw-http", "ours-stdio", "sdk-stdio", "raw-stdio", "ours2sdk-http", "sdk2ours-http");

  /** The targets of a quick run: the table's columns only. */
  static final List<String> QUICK_TARGETS = FULL_TARGETS.subList(0, 6);

  private Main() {}

  /** Runs the benchmarks; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(McpRoundTrip.class.getName() + "\\.(" + String.join("|", settings.modes) + ")$")
        .param("target", settings.targets.toArray(String[]::new))
        .param("payload", settings.payloads.toArray(String[]::new))
        .forks(settings.forks)
        .warmupIterations(settings.warmup)
        .warmupTime(TimeValue.seconds(settings.warmupTime))
        .measurementIterations(settings.iterations)
        .measurementTime(TimeValue.seconds(settings.time))
        .shouldFailOnError(false);
    Files.createDirectories(settings.out);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    String name = stamp + "-jdk" + Runtime.version().feature();
    options.result(settings.out.resolve(name + ".json").toString()).resultFormat(ResultFormatType.JSON);
    if (settings.profiler != null) {
      options.addProfiler(settings.profiler);
    }
    Collection<RunResult> results = new Runner(options.build()).run();

    String table = new Report(settings.describe(), results).render();
    System.out.println();
    System.out.println(table);
    Path saved = settings.out.resolve(name + ".txt");
    Files.writeString(saved, table, StandardCharsets.UTF_8);
    System.out.println("Saved " + saved + " and " + settings.out.resolve(name + ".json"));
  }

  /** What the command line asked for. */
  static final class Settings {
    List<String> targets = FULL_TARGETS;
    List<String> payloads = List.of("tiny", "1k", "64k");
    List<String> modes = List.of("seq", "t4");
    int forks = 1;
    int warmup = 3;
    int warmupTime = 4;
    int iterations = 3;
    int time = 4;
    boolean quick;
    @org.jspecify.annotations.Nullable String profiler;
    Path out = Path.of("benchmarks", "target", "results");

    static Settings parse(String[] args) {
      Settings s = new Settings();
      List<String> rest = new ArrayList<>(Arrays.asList(args));
      if (rest.remove("--quick")) {
        s.quick = true;
        s.targets = QUICK_TARGETS;
        s.warmup = 2;
        s.warmupTime = 2;
        s.iterations = 2;
        s.time = 2;
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
          case "--targets" -> s.targets = list(value);
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
      for (String target : s.targets) {
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
          + (profiler == null ? "" : ", profiler " + profiler);
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
      out.println("              [--payloads tiny,1k,64k] [--modes seq,t4] [--forks N] [--warmup N] [--warmup-time S]");
      out.println("              [--iterations N] [--time S] [--prof jfr] [--out DIR]");
    }
  }
}
