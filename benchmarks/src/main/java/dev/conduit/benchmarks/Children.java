package dev.conduit.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for the stdio benchmarks' child JVMs. Every child runs on the same JDK as the benchmark, with the
 * same fixed heap and logging level, whatever it serves.
 */
public final class Children {

  /** The JVM options of every child. */
  public static final List<String> JVM_OPTIONS = List.of(
      "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

  private Children() {}

  /**
   * The system property whose value (options separated by spaces) is added to every child's JVM options, such as
   * {@code -XX:StartFlightRecording=filename=child.jfr} to profile the server side of a stdio target.
   */
  public static final String EXTRA_OPTIONS = "conduit.bench.childJvmArgs";

  /** A child JVM running {@code mainClass} on {@code classPath}, with {@code args}. */
  public static List<String> javaCommand(String classPath, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    String extra = System.getProperty(EXTRA_OPTIONS, "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  /** A child JVM on this JVM's own class path (the benchmarks jar). */
  public static List<String> ownJava(Class<?> mainClass, String... args) {
    return javaCommand(System.getProperty("java.class.path"), mainClass.getName(), args);
  }

  /**
   * In a child: ends this JVM at once when the parent process ends, so that a benchmark JVM that dies never leaves a
   * child behind.
   */
  public static void exitWithParent() {
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
  }
}
