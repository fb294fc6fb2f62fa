package dev.conduit.samples.awx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server's {@code Main} in a child JVM on this test's Java and class path: the jar is built after the tests run,
 * so the class path stands in for it.
 */
final class ChildJvm {

  /** How long a child may take, generously, on a loaded 2-core machine. */
  static final long LIMIT_SECONDS = 180;

  private ChildJvm() {}

  /** What a child that ran to its end printed, and its exit code. */
  record Exit(int code, String stdout, String stderr) {}

  /** The command line that runs {@code Main} with {@code args}. */
  static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Runs {@code Main} with {@code args}, no {@code AWX_*} variables and an empty stdin, to its end.
   *
   * @param folder where the child's output goes
   */
  static Exit run(Path folder, String... args) throws IOException, InterruptedException {
    Path out = folder.resolve("stdout.txt");
    Path err = folder.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(command(args))
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("AWX_"));
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      throw new AssertionError("Main " + String.join(" ", args) + " did not end within " + LIMIT_SECONDS
          + " s\n--- stderr ---\n" + read(err));
    }
    return new Exit(process.exitValue(), read(out), read(err));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
