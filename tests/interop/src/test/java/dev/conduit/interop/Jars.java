package dev.conduit.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The samples' runnable jars, which the build makes before these tests and names in system properties. */
final class Jars {

  private Jars() {}

  /** The AWX server's jar. */
  static Path awxServer() {
    return jar("conduit.awx.jar", "samples/awx-server");
  }

  /** The gateway's jar. */
  static Path gateway() {
    return jar("conduit.gateway.jar", "samples/gateway");
  }

  /** The conformance server's jar. */
  static Path conformance() {
    return jar("conduit.conformance.jar", "samples/conformance");
  }

  /** A command line that runs {@code jar} with {@code args} on this test's Java. */
  static List<String> java(Path jar, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return command;
  }

  private static Path jar(String property, String module) {
    String configured = System.getProperty(property);
    if (configured == null || configured.isBlank()) {
      return fail("System property " + property + " is not set: run the interop tests through Maven "
          + "(./mvnw -B verify), which builds the samples' jars first and names them.");
    }
    Path jar = Path.of(configured);
    if (!Files.isRegularFile(jar)) {
      return fail("No jar at " + jar + ": build it first (./mvnw -B -pl " + module + " -am package).");
    }
    return jar;
  }
}
