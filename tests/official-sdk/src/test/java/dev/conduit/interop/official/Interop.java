package dev.conduit.interop.official;

import static org.junit.jupiter.api.Assertions.fail;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** What the interoperability tests share: child JVM command lines, bounded waits, captured stderr, thread checks. */
final class Interop {

  /** The longest any single wait may take: generous, for a loaded two-core machine running two JVMs. */
  static final Duration WAIT = Duration.ofSeconds(60);

  /** The official SDK's JSON mapper (Jackson 3), found the way the SDK finds it. */
  static final McpJsonMapper JSON = McpJsonDefaults.getMapper();

  private Interop() {}

  /** The transports both directions are tested over. */
  enum Transport { HTTP, STDIO }

  /** {@code java} with flags that start a small child JVM fast on a busy machine. */
  static List<String> java(String classPath, Class<?> main, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", classPath, main.getName()));
    command.addAll(List.of(args));
    return command;
  }

  /** The test JVM's own class path (Surefire hides it behind a manifest jar in {@code java.class.path}). */
  static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /**
   * The part of the test class path a child JVM running {@code main} needs: the directory (or jar) of {@code main},
   * and the jars of the given Maven groups, written as local repository paths such as {@code org/slf4j}.
   */
  static String classPathFor(Class<?> main, List<String> groups) {
    Path home;
    try {
      home = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("No file location for " + main, e);
    }
    List<String> entries = new ArrayList<>(List.of(home.toString()));
    for (String entry : testClassPath().split(File.pathSeparator)) {
      String path = entry.replace(File.separatorChar, '/');
      if (path.endsWith(".jar") && groups.stream().anyMatch(group -> path.contains("/" + group + "/"))) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Waits until {@code condition} holds, failing with {@code what} (and {@code context}) after {@link #WAIT}. */
  static void await(String what, BooleanSupplier condition, Object context) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("Timed out after " + WAIT.toSeconds() + " s waiting for " + what + "\n" + context);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("Interrupted waiting for " + what);
      }
    }
  }

  /**
   * Fails unless, within {@link #WAIT}, every live thread but {@code main} is a daemon: a non-daemon thread left by
   * a provider, a client or Tomcat would keep a JVM alive after its work is done.
   */
  static void assertOnlyDaemonThreadsRemain() {
    await("only daemon threads to remain", () -> nonDaemonThreads().isEmpty(), new Object() {
      @Override
      public String toString() {
        return "non-daemon threads: " + nonDaemonThreads();
      }
    });
  }

  private static List<String> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon() && !t.getName().equals("main"))
        .map(Thread::getName)
        .sorted()
        .collect(Collectors.toList());
  }

  /** The last lines a child wrote to stderr, for failure messages. */
  static final class Stderr implements Consumer<String> {
    private static final int KEEP = 200;
    private final String who;
    private final ConcurrentLinkedDeque<String> lines = new ConcurrentLinkedDeque<>();

    Stderr(String who) {
      this.who = who;
    }

    @Override
    public void accept(String line) {
      lines.addLast(line);
      while (lines.size() > KEEP) {
        lines.pollFirst();
      }
    }

    @Override
    public String toString() {
      return lines.isEmpty() ? who + " wrote nothing to stderr"
          : who + " stderr (last " + KEEP + " lines):\n  " + String.join("\n  ", lines);
    }
  }
}
