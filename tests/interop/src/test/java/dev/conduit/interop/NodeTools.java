package dev.conduit.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pinned Node tools ({@code tools/node_modules/.bin}: Node 22, {@code conformance}, {@code mcp-server-everything},
 * {@code mcp-inspector-cli}) and the Java command lines they run. The build installs the tools before the tests and
 * names their folder in the system property {@value #PROPERTY}; a test that finds them missing fails, saying where it
 * looked.
 */
final class NodeTools {

  static final String PROPERTY = "conduit.tools.dir";

  private NodeTools() {}

  /** The tools folder, with its tools installed. */
  static Path dir() {
    String configured = System.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      fail("System property " + PROPERTY + " is not set: run the interop tests through Maven (./mvnw -B verify), "
          + "which installs the Node tools into tools/node_modules and names that folder.");
    }
    Path dir = Path.of(configured).toAbsolutePath().normalize();
    for (String tool : List.of("node", "conformance", "mcp-server-everything", "mcp-inspector-cli")) {
      if (!Files.exists(dir.resolve("node_modules/.bin").resolve(tool))) {
        fail("No " + tool + " in " + dir.resolve("node_modules/.bin") + ": the build installs the pinned tools "
            + "(npm ci in " + dir + ") before the tests; run ./mvnw -B verify, or npm ci there by hand.");
      }
    }
    return dir;
  }

  /** A command line that runs the pinned {@code tool} (from {@code node_modules/.bin}) with {@code args}. */
  static List<String> command(String tool, String... args) {
    List<String> command = new ArrayList<>();
    command.add(dir().resolve("node_modules/.bin").resolve(tool).toString());
    command.addAll(List.of(args));
    return command;
  }

  /** The environment every Node tool runs with: the pinned Node 22 first on the PATH (conformance needs 22+). */
  static Map<String, String> env() {
    String path = System.getenv("PATH");
    String bin = dir().resolve("node_modules/.bin").toString();
    return Map.of("PATH", path == null || path.isEmpty() ? bin : bin + File.pathSeparator + path);
  }

  /**
   * Where to run the Inspector CLI: a folder whose parent has a {@code package.json}. Inspector CLI 1.0.3 looks for
   * its own package.json at {@code ../package.json} relative to the working directory and fails anywhere else;
   * {@code tools/node_modules} (parent {@code tools/}) qualifies.
   */
  static Path inspectorWorkDir() {
    return dir().resolve("node_modules");
  }

  /**
   * A command line that runs {@code mainClass} on this test JVM's Java and class path (which holds the samples), as
   * one string for tools that split their command on spaces; fails if the class path has a space in it.
   */
  static String javaCommandLine(String mainClass, String... args) {
    List<String> command = javaCommand(mainClass, args);
    for (String part : command) {
      if (part.contains(" ")) {
        fail("The conformance CLI splits its --command on spaces, and this part has one: " + part
            + "\nRun the build from a folder without spaces in its path.");
      }
    }
    return String.join(" ", command);
  }

  /** The same command line as a list, for tools that take the server command as separate arguments. */
  static List<String> javaCommand(String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }
}
