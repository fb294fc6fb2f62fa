import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs the Node tools the interoperability tests run: {@code npm ci} in the tools folder, which its committed
 * {@code package-lock.json} pins (Node 22, the conformance suite, the reference server, the Inspector CLI).
 *
 * <p>Run by the build as a single-file program ({@code java InstallTools.java <tools-dir>}) before the tests. It does
 * nothing when {@code node_modules} was installed from the same lockfile: after a successful install it keeps a copy
 * of the lockfile in {@code node_modules}, and compares. It fails, saying so, when npm is missing or fails; the tests
 * never skip for want of their tools.
 */
public final class InstallTools {

  private static final List<String> BINARIES = List.of("node", "conformance", "mcp-server-everything",
      "mcp-inspector-cli");

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      fail("usage: java InstallTools.java <tools-dir>");
    }
    Path tools = Path.of(args[0]).toAbsolutePath().normalize();
    Path lock = tools.resolve("package-lock.json");
    if (!Files.isRegularFile(lock)) {
      fail("No " + lock + ": the interop tests install their Node tools from that lockfile.");
    }
    Path stamp = tools.resolve("node_modules").resolve(".conduit-installed-package-lock.json");
    if (installed(tools) && Files.isRegularFile(stamp) && Files.mismatch(lock, stamp) == -1) {
      System.out.println("Node tools in " + tools + "/node_modules match package-lock.json; not reinstalling.");
      return;
    }
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    List<String> command = List.of(windows ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund");
    System.out.println("Installing the pinned Node tools: " + String.join(" ", command) + " in " + tools);
    Process npm;
    try {
      npm = new ProcessBuilder(command).directory(tools.toFile()).inheritIO().start();
    } catch (IOException e) {
      fail("npm was not found (" + e.getMessage() + "). The interop tests need Node.js with npm on the PATH to install "
          + "their pinned tools from " + lock + " (any Node version with npm 7 or newer: the lockfile brings Node 22).");
      return;
    }
    if (!npm.waitFor(15, TimeUnit.MINUTES)) {
      npm.descendants().forEach(ProcessHandle::destroyForcibly);
      npm.destroyForcibly();
      fail("npm ci in " + tools + " did not finish within 15 minutes.");
    }
    if (npm.exitValue() != 0) {
      fail("npm ci in " + tools + " failed with exit code " + npm.exitValue() + " (its output is above).");
    }
    if (!installed(tools)) {
      fail("npm ci in " + tools + " succeeded but node_modules/.bin lacks one of " + BINARIES + ".");
    }
    Files.copy(lock, stamp, StandardCopyOption.REPLACE_EXISTING);
  }

  private static boolean installed(Path tools) {
    Path bin = tools.resolve("node_modules").resolve(".bin");
    return BINARIES.stream().allMatch(name -> Files.exists(bin.resolve(name)));
  }

  private static void fail(String message) {
    System.err.println("[interop-tests] " + message);
    System.exit(1);
  }
}
