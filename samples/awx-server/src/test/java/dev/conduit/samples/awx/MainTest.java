package dev.conduit.samples.awx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exits, each in a child JVM: exit codes, and what goes to stdout and stderr. */
class MainTest {

  @TempDir
  Path folder;

  @Test
  void exitsWithTwoAndSaysHowToConfigureWhenNoEnvironmentIsConfigured() throws Exception {
    ChildJvm.Exit exit = ChildJvm.run(folder);
    assertEquals(2, exit.code(), exit::stderr);
    assertTrue(exit.stderr().contains("No AWX environment is configured"), exit.stderr());
    assertTrue(exit.stderr().contains("--demo"), exit.stderr());
    assertEquals("", exit.stdout());
  }

  @Test
  void exitsWithTwoAndNamesTheFileWhenTheConfigurationCannotBeRead() throws Exception {
    Path missing = folder.resolve("missing.json");
    ChildJvm.Exit exit = ChildJvm.run(folder, "--config", missing.toString());
    assertEquals(2, exit.code(), exit::stderr);
    assertTrue(exit.stderr().contains("Cannot read the AWX configuration " + missing + ": no such file"),
        exit.stderr());
  }

  @Test
  void exitsWithTwoOnAConfigurationThatIsNotJson() throws Exception {
    Path config = Files.writeString(folder.resolve("awx.json"), "{\"environments\": [");
    ChildJvm.Exit exit = ChildJvm.run(folder, "--config", config.toString());
    assertEquals(2, exit.code(), exit::stderr);
    assertTrue(exit.stderr().contains("conduit-awx: Cannot read the AWX configuration " + config + ": Unexpected "
        + "end-of-input"), exit.stderr());
    assertFalse(exit.stderr().contains("Exception in thread"), exit.stderr());
  }

  @Test
  void exitsWithOneAndSaysWhyWhenTheHttpPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ChildJvm.Exit exit = ChildJvm.run(folder, "--demo", "--http", "--port", String.valueOf(taken.getLocalPort()));
      assertEquals(1, exit.code(), exit::stderr);
      assertTrue(exit.stderr().contains("conduit-awx: the server could not start: "), exit.stderr());
      assertFalse(exit.stderr().contains("Exception in thread"), exit.stderr());
    }
  }

  @Test
  void exitsWithTwoOnAnUnknownOption() throws Exception {
    ChildJvm.Exit exit = ChildJvm.run(folder, "--verbose");
    assertEquals(2, exit.code(), exit::stderr);
    assertTrue(exit.stderr().contains("Unknown option --verbose"), exit.stderr());
  }

  @Test
  void exitsWithTwoOnAnUnknownToolset() throws Exception {
    ChildJvm.Exit exit = ChildJvm.run(folder, "--demo", "--toolsets", "jobs,nope");
    assertEquals(2, exit.code(), exit::stderr);
    assertTrue(exit.stderr().contains("Unknown AWX toolset 'nope'"), exit.stderr());
  }

  @Test
  void printsTheUsageOnStdoutForHelp() throws Exception {
    ChildJvm.Exit exit = ChildJvm.run(folder, "--help");
    assertEquals(0, exit.code(), exit::stderr);
    assertTrue(exit.stdout().startsWith("Usage: java -jar conduit-awx-server.jar"), exit.stdout());
    assertTrue(exit.stdout().contains("jobs,inventories"), exit.stdout());
  }

  @Test
  void endsCleanlyWithNothingButMcpOnStdoutWhenStdinEnds() throws Exception {
    ChildJvm.Exit exit = ChildJvm.run(folder, "--demo");
    assertEquals(0, exit.code(), exit::stderr);
    assertEquals("", exit.stdout());
    assertTrue(exit.stderr().contains("Demo mode: an AWX simulator"), exit.stderr());
  }
}
