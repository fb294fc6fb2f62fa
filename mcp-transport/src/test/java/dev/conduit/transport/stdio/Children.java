package dev.conduit.transport.stdio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How tests launch {@link ChildServer}, or another main class of theirs, in a JVM of its own. */
public final class Children {

  private Children() {}

  /** The command line that runs {@link ChildServer} with {@code args}. */
  static List<String> commandLine(String... args) {
    return javaCommand(ChildServer.class, args);
  }

  /** The command line that runs {@code main} on the tests' class path with {@code args}, in a small fast JVM. */
  public static List<String> javaCommand(Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Start fast on a busy machine; these children do little work.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Xmx128m");
    command.add("-cp");
    command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(main.getName());
    command.addAll(List.of(args));
    return command;
  }

  /** A client transport for {@link ChildServer} with {@code args}. */
  static StdioClientTransport.Builder transport(String... args) {
    return StdioClientTransport.builder(commandLine(args));
  }

  /** Starts {@link ChildServer} as a plain process, for tests that speak to it byte by byte. */
  static Process start(String... args) throws java.io.IOException {
    return new ProcessBuilder(commandLine(args)).start();
  }
}
