package dev.conduit.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Child processes and ports for the interop tests. Every wait is bounded, generously, for a loaded 2-core machine;
 * every child's stdout and stderr go to files in its own folder, so that a failure can quote them.
 */
final class Processes {

  /** How long a command may run, or a server take to start, before the test gives up on it. */
  static final Duration LIMIT = Duration.ofMinutes(3);

  private static final int QUOTE_CHARS = 12_000;

  private Processes() {}

  /** A command that ran to its end. */
  record Result(List<String> command, int exitCode, String stdout, String stderr) {

    /** The command, its exit code and (the ends of) its output, for a failure message. */
    String describe() {
      return "`" + String.join(" ", command) + "` exited with " + exitCode + "\n--- stdout ---\n" + tail(stdout)
          + "\n--- stderr ---\n" + tail(stderr);
    }
  }

  /** A child that runs in the background until closed: a server. */
  static final class Child implements AutoCloseable {
    private final List<String> command;
    private final Process process;
    private final Path folder;

    private Child(List<String> command, Process process, Path folder) {
      this.command = command;
      this.process = process;
      this.folder = folder;
    }

    boolean isAlive() {
      return process.isAlive();
    }

    /** The command and what it printed so far. */
    String describe() {
      String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
      return "`" + String.join(" ", command) + "` (" + state + ")\n--- stdout ---\n" + tail(read(folder, "stdout.txt"))
          + "\n--- stderr ---\n" + tail(read(folder, "stderr.txt"));
    }

    @Override
    public void close() {
      destroy(process);
    }
  }

  /** Runs {@code command} in {@code directory} to its end, within {@link #LIMIT}; output goes to {@code folder}. */
  static Result run(List<String> command, Path directory, Map<String, String> env, Path folder) {
    Process process = launch(command, directory, env, folder);
    try {
      if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        destroy(process);
        fail("Gave up after " + LIMIT.toSeconds() + " s: `" + String.join(" ", command) + "`\n--- stdout ---\n"
            + tail(read(folder, "stdout.txt")) + "\n--- stderr ---\n" + tail(read(folder, "stderr.txt")));
      }
    } catch (InterruptedException e) {
      destroy(process);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command, e);
    }
    return new Result(command, process.exitValue(), read(folder, "stdout.txt"), read(folder, "stderr.txt"));
  }

  /** Starts {@code command} in the background; output goes to {@code folder}. */
  static Child start(List<String> command, Path directory, Map<String, String> env, Path folder) {
    return new Child(command, launch(command, directory, env, folder), folder);
  }

  /** A port on the loopback interface that was free a moment ago. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code child} accepts connections on {@code port} at 127.0.0.1; fails if it exits first. */
  static void awaitPort(Child child, int port) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        fail("The server exited before it listened on port " + port + ": " + child.describe());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
        return;
      } catch (IOException notYet) {
        sleep(Duration.ofMillis(100));
      }
    }
    fail("The server did not listen on port " + port + " within " + LIMIT.toSeconds() + " s: " + child.describe());
  }

  /** An empty folder for one command's files, under the module's {@code target/interop}. */
  static Path folder(String name) {
    Path folder = Path.of("target", "interop", name).toAbsolutePath();
    try {
      if (Files.exists(folder)) {
        try (var paths = Files.walk(folder)) {
          paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
        }
      }
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a file of {@code folder}; empty if there is none. */
  static String read(Path folder, String name) {
    Path file = folder.resolve(name);
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  /** The end of {@code text}, short enough for a failure message. */
  static String tail(String text) {
    return text.length() <= QUOTE_CHARS ? text
        : "[... " + (text.length() - QUOTE_CHARS) + " characters before ...]\n"
            + text.substring(text.length() - QUOTE_CHARS);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private static Process launch(List<String> command, Path directory, Map<String, String> env, Path folder) {
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .redirectOutput(folder.resolve("stdout.txt").toFile())
        .redirectError(folder.resolve("stderr.txt").toFile());
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + command, e);
    }
  }

  // Politely, then by force: descendants first (a shell's children, a CLI's server), each wait bounded.
  private static void destroy(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    descendants.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
