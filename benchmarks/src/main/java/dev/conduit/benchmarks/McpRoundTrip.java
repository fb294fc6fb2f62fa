package dev.conduit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code tools/call echo} round trips per second, through one {@link EchoTarget} per fork, by one thread ({@link
 * #seq}) or four ({@link #t4}) sharing it. {@link Main} chooses the targets, payloads and iterations; these defaults
 * are for running the class directly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch",
    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 3, time = 4)
public class McpRoundTrip {

  /** Which client and server; see {@link Targets}. */
  @Param({"ours-http", "sdk-http", "raw-http", "ours-stdio", "sdk-stdio", "raw-stdio"})
  public String target = "";

  /** The echoed text: {@code tiny}, {@code 1k} or {@code 64k}; see {@link Payloads}. */
  @Param({"tiny", "1k", "64k"})
  public String payload = "";

  private String text = "";
  private EchoTarget echo = new Unset();

  /** Starts the target and checks one echo. */
  @Setup(Level.Trial)
  public void start() throws Exception {
    text = Payloads.text(payload);
    echo = Targets.open(target, text);
    String answer = echo.echo(text);
    boolean ok = echo.answersExactly() ? answer.equals(text) : answer.contains(text);
    if (!ok) {
      echo.close();
      throw new IllegalStateException(target + " answered something else (" + answer.length() + " chars)");
    }
  }

  /** Stops the target, its server and any child process. */
  @TearDown(Level.Trial)
  public void stop() throws Exception {
    echo.close();
  }

  /** One caller. */
  @Benchmark
  @Threads(1)
  public String seq() throws Exception {
    return echo.echo(text);
  }

  /** Four callers on one client. */
  @Benchmark
  @Threads(4)
  public String t4() throws Exception {
    return echo.echo(text);
  }

  private static final class Unset implements EchoTarget {
    @Override
    public String echo(String text) {
      throw new IllegalStateException("not started");
    }

    @Override
    public void close() {}
  }
}
